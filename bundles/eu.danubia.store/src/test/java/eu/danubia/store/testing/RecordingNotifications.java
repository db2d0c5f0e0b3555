package eu.danubia.store.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import eu.danubia.api.notification.Notification;
import eu.danubia.api.notification.NotificationService;

/** A notification service that records every notification, for the tests to read back. */
public final class RecordingNotifications implements NotificationService {

    /** Everything sent so far, in order. */
    public final List<Notification> all = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void send(Notification notification) {
        all.add(notification);
    }

    public List<Notification> ofKind(String kind) {
        return all.stream().filter(n -> n.kind().equals(kind)).toList();
    }

    public void clear() {
        all.clear();
    }
}
