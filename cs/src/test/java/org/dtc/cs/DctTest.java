package org.dtc.cs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both DCT types, as explicit matrices and as fast transforms, against scipy's
 * {@code dct(x, type, norm='ortho')} and {@code idct} (src-test-data/dct, written by
 * generate.py there), and orthogonality.
 */
class DctTest {
    @Test
    void matricesAndFastTransformsMatchScipy() throws IOException {
        Map<String, double[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("../src-test-data/dct/scipy-dct.txt"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            double[] v = new double[f.length - 3];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(f[3 + i]);
            }
            rows.put(f[0] + " " + f[1] + " " + f[2], v);
        }
        int checked = 0;
        for (DctType type : DctType.values()) {
            for (int m : new int[] {2, 3, 7, 64, 512}) {
                String key = (type == DctType.I ? "1" : "2") + " " + m + " ";
                double[] x = rows.get(key + "x");
                double[] y = rows.get(key + "y");
                double[] inverse = rows.get(key + "idct");
                double norm = Math.sqrt(dot(x, x));
                // An orthonormal transform in double: each output is a sum of m terms whose
                // magnitudes add to at most ||x|| sqrt(m); m * 2^-52 of that bounds the rounding
                // of either side, with room for the cosines' own rounding.
                double tol = 4 * m * 0x1p-52 * norm * Math.sqrt(m);

                double[] psi = Dct.matrix(type, m);
                double[] viaMatrix = new double[m];
                double[] viaTranspose = new double[m];
                for (int k = 0; k < m; k++) {
                    for (int j = 0; j < m; j++) {
                        viaMatrix[k] += psi[k * m + j] * x[j];
                        viaTranspose[k] += psi[j * m + k] * x[j];
                    }
                }
                Dct plan = new Dct(type, m);
                double[] fast = new double[m];
                plan.apply(x, 0, fast, 0);
                double[] fastT = new double[m];
                plan.applyTranspose(x, 0, fastT, 0);
                for (int k = 0; k < m; k++) {
                    String what = "DCT-" + type + " m=" + m + " k=" + k;
                    assertClose(viaMatrix[k], y[k], tol, what + " matrix");
                    assertClose(fast[k], y[k], tol, what + " fast");
                    assertClose(viaTranspose[k], inverse[k], tol, what + " matrix transpose");
                    assertClose(fastT[k], inverse[k], tol, what + " fast transpose");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void basesAreOrthonormalToE12() {
        for (DctType type : DctType.values()) {
            for (int m : new int[] {1, 2, 3, 7, 64, 512}) {
                double[] psi = Dct.matrix(type, m);
                double worst = 0;
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        double s = 0;
                        for (int k = 0; k < m; k++) {
                            s += psi[k * m + a] * psi[k * m + b];
                        }
                        worst = Math.max(worst, Math.abs(s - (a == b ? 1 : 0)));
                    }
                }
                assertThat(worst).as("DCT-%s m=%d: max |Psi^T Psi - I|", type, m).isLessThan(1e-12);
            }
        }
    }

    @Test
    void dctOneIsSymmetricAndItsOwnInverse() {
        int m = 37;
        double[] psi = Dct.matrix(DctType.I, m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                assertThat(psi[a * m + b]).isEqualTo(psi[b * m + a]);
            }
        }
        Dct plan = new Dct(DctType.I, m);
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.sin(i * 0.7) + i;
        }
        double[] twice = x.clone();
        plan.apply(twice, 0, twice, 0);
        plan.apply(twice, 0, twice, 0);
        for (int i = 0; i < m; i++) {
            assertClose(twice[i], x[i], 1e-12 * m, "x after two DCT-I");
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void assertClose(double actual, double expected, double tol, String what) {
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError(what + ": " + actual + " vs " + expected + " (tolerance " + tol + ")");
        }
    }
}
