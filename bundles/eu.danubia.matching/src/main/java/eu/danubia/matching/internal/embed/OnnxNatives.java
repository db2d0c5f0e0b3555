package eu.danubia.matching.internal.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Puts ONNX Runtime's native libraries where we choose (under Karaf's {@code data/}) instead of
 * {@code java.io.tmpdir}, and tells ONNX Runtime through {@code onnxruntime.native.path}.
 *
 * <p>Each load gets its own directory: the JVM refuses to load one library file into two class
 * loaders, and a redeployed bundle is a new class loader.
 */
public final class OnnxNatives {

    private static final String PROPERTY = "onnxruntime.native.path";

    private OnnxNatives() {
    }

    /** Extracts the libraries for this platform into a fresh directory under {@code base}; returns it. */
    public static synchronized Path extract(Path base) {
        String platform = platform();
        List<String> names = libraries();
        try {
            Files.createDirectories(base);
            removeOld(base);
            Path dir = Files.createTempDirectory(base, "ort-");
            for (String name : names) {
                String resource = "/ai/onnxruntime/native/" + platform + "/" + name;
                try (InputStream in = OnnxNatives.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("ONNX Runtime has no native library for " + platform + " (" + resource + ")");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty(PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the ONNX Runtime libraries under " + base, e);
        }
    }

    /** Directories of earlier loads; a library still mapped by a running class loader stays usable on Linux. */
    private static void removeOld(Path base) throws IOException {
        try (Stream<Path> old = Files.list(base)) {
            for (Path dir : old.filter(p -> p.getFileName().toString().startsWith("ort-")).toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException e) {
                    // Windows keeps loaded libraries locked; the next start removes them
                }
            }
        }
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        if (os.contains("linux")) {
            return "linux-" + a;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "osx-" + a;
        }
        if (os.contains("win")) {
            return "win-" + a;
        }
        throw new IllegalStateException("no ONNX Runtime libraries for " + os + "/" + arch);
    }

    private static List<String> libraries() {
        String p = platform();
        if (p.startsWith("linux")) {
            return List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
        }
        if (p.startsWith("osx")) {
            return List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib");
        }
        return List.of("onnxruntime.dll", "onnxruntime4j_jni.dll");
    }
}
