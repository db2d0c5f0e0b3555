package eu.danubia.c2b.internal;

/** How a service is paid: FIXED_FEE needs an amount and a currency, the others have neither. */
public enum PriceModel {
    FREE, MEMBERS_FREE, FIXED_FEE, ON_REQUEST
}
