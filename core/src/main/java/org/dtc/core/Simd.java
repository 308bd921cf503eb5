package org.dtc.core;

/**
 * The one switch that picks the SIMD width of every kernel in this module.
 *
 * <p>The width comes from the system property {@code dtc.simd.bits}: {@code 0} selects the scalar
 * reference kernels, {@code 128}, {@code 256} or {@code 512} a Vector API species of that size.
 * Without the property the machine's preferred width is used. Narrower or wider species than the
 * hardware offers still compute correctly (the Vector API emulates them), which is how the tests
 * cover every path on any machine. When the {@code jdk.incubator.vector} module is not in the
 * boot layer, the scalar kernels run and one line on stderr says why.
 */
public final class Simd {
    /** Name of the system property that fixes the SIMD width in bits. */
    public static final String BITS_PROPERTY = "dtc.simd.bits";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Width in bits of every vector kernel, or 0 when the scalar kernels run. */
    static final int BITS = chooseBits();

    private Simd() {}

    /** The SIMD width in bits in force for this JVM, 0 for scalar. */
    public static int bits() {
        return BITS;
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean vectorized() {
        return BITS != 0;
    }

    /**
     * Whether the width in force is wider than the hardware's vectors: the Vector API then
     * emulates it in Java, correct but slow and allocating (a 512-bit run on an AVX2 machine).
     */
    public static boolean emulated() {
        return BITS != 0 && BITS > VectorWidth.preferredBits();
    }

    /** A short description such as {@code "512-bit Vector API"} or {@code "scalar"}. */
    public static String describe() {
        return BITS == 0 ? "scalar" : BITS + "-bit Vector API";
    }

    private static int chooseBits() {
        String requested = System.getProperty(BITS_PROPERTY);
        boolean moduleLoaded = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        if (requested != null) {
            int bits = parseBits(requested.trim());
            if (bits != 0 && !moduleLoaded) {
                throw new IllegalStateException(BITS_PROPERTY + "=" + bits + " needs the JVM flag --add-modules "
                        + VECTOR_MODULE);
            }
            if (bits > 0 && bits > VectorWidth.preferredBits()) {
                System.err.println("dtc: " + BITS_PROPERTY + "=" + bits + " is wider than this machine's "
                        + VectorWidth.preferredBits() + "-bit vectors: the Vector API emulates it, correctly but slowly");
            }
            return bits;
        }
        if (!moduleLoaded) {
            System.err.println("dtc: module " + VECTOR_MODULE + " is not loaded (JVM flag --add-modules "
                    + VECTOR_MODULE + "); using the scalar kernels");
            return 0;
        }
        return VectorWidth.preferredBits();
    }

    private static int parseBits(String value) {
        return switch (value) {
            case "0" -> 0;
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> throw new IllegalArgumentException(
                    BITS_PROPERTY + " must be 0, 128, 256 or 512, not '" + value + "'");
        };
    }
}
