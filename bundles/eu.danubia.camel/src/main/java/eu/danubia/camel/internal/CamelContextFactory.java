package eu.danubia.camel.internal;

import org.apache.camel.impl.DefaultCamelContext;

/**
 * Builds the (not yet started) CamelContext exactly as the OSGi component does, so that tests can run the
 * very same set-up outside OSGi.
 */
public final class CamelContextFactory {

    /** Name of the one platform CamelContext. */
    public static final String CONTEXT_NAME = "danubia";

    private CamelContextFactory() {
    }

    /**
     * @param classLoader the loader that sees the embedded Camel jars and their META-INF/services descriptors:
     *                    inside OSGi the class loader of this bundle (the OSGi-aware context of camel-core-osgi
     *                    would not see the jars embedded on our Bundle-ClassPath)
     */
    public static DefaultCamelContext create(ClassLoader classLoader) {
        DefaultCamelContext context = new DefaultCamelContext(false);
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        context.setApplicationContextClassLoader(classLoader);
        // the platform runs in Karaf: Camel JMX management is not embedded, say so explicitly
        context.disableJMX();
        return context;
    }
}
