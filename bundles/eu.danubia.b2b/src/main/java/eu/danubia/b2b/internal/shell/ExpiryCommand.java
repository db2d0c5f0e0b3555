package eu.danubia.b2b.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.danubia.b2b.internal.B2bService;

/** {@code danubia:b2b-expiry}: runs the daily expiry check now, e.g. after changing the warning days. */
@Command(scope = "danubia", name = "b2b-expiry",
        description = "Runs the B2B expiry check now: expires published profiles past their date and warns owners of those expiring soon")
@Service
public class ExpiryCommand implements Action {

    @Reference
    private B2bService service;

    @Override
    public Object execute() {
        B2bService.ExpiryResult result = service.checkExpiry();
        System.out.println("B2B expiry check: " + result.expired() + " profiles expired, " + result.warned()
                + " owners warned");
        return null;
    }
}
