package org.dtc.cs;

/** The two orthonormal discrete cosine transforms the engine offers, as scipy numbers them. */
public enum DctType {
    /** DCT-I: symmetric and its own inverse; the basis of the paper's code. */
    I,
    /** DCT-II: the common "DCT"; its transpose (inverse) is the DCT-III. */
    II
}
