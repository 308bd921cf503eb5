package org.dtc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.dtc.core.Gemm;
import org.dtc.core.Simd;
import picocli.CommandLine.IVersionProvider;

/** {@code dtc --version}: the project version and the runtime the kernels run on. */
final class VersionInfo implements IVersionProvider {
    /** The project version the build wrote into version.properties. */
    static String projectVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "dtc " + projectVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                    + Simd.describe() + " kernels, " + Gemm.shared().threads() + " GEMM threads",
        };
    }
}
