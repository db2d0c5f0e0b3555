package eu.danubia.api.cooperation;

/** Whether a profile offers something or asks for it; matching pairs offers with requests. */
public enum Direction {
    OFFER, REQUEST
}
