package eu.danubia.connector.sdk;

/**
 * Told how an import advances: a few times a second at most, and once more with
 * {@link ImportProgress#finished()} set. Called on the importing thread, so it must be quick.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> {
    };

    void progress(ImportProgress progress);
}
