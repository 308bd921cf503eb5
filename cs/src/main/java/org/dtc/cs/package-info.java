/**
 * Inverse compressed sensing: orthonormal DCT bases, Gaussian measurement matrices and the LASSO
 * solvers (ISTA, FISTA, SCS-style ADMM). Built on the {@code core} kernels.
 */
package org.dtc.cs;
