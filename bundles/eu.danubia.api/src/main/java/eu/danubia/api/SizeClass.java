package eu.danubia.api;

/** EU SME size class (Commission Recommendation 2003/361/EC), by head count. */
public enum SizeClass {
    MICRO, SMALL, MEDIUM, LARGE;

    /** The size class for a number of employees (turnover and balance sheet are not considered here). */
    public static SizeClass ofEmployees(int employees) {
        if (employees < 10) {
            return MICRO;
        }
        if (employees < 50) {
            return SMALL;
        }
        return employees < 250 ? MEDIUM : LARGE;
    }
}
