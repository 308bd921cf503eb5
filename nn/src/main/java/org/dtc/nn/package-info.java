/**
 * The MLP engine DTC trains and prunes: layers with forward and backward side by side, Adam and
 * SGD, initialisation, evaluation and neuron surgery. Built on the {@code core} kernels.
 */
package org.dtc.nn;
