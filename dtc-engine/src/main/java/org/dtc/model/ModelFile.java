package org.dtc.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtc.core.SafeTensors;
import org.dtc.data.TrainTest;
import org.dtc.nn.Mlp;
import org.dtc.nn.SequentialFormat;

/**
 * A model on disk: a safetensors file holding an nn.Sequential state_dict of Linear, BatchNorm1d
 * and ReLU modules (see {@link SequentialFormat}), read from PyTorch or written by dtc.
 */
public final class ModelFile {
    private ModelFile() {}

    /** The model in {@code file}; a file that is not one dtc can run is refused in one line naming it. */
    public static Mlp.State read(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".safetensors")) {
            throw new IllegalArgumentException(file + ": dtc reads models from .safetensors files (PyTorch: "
                    + "safetensors.torch.save_file(model.state_dict(), ...))");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        SafeTensors.Contents contents = SafeTensors.read(file);
        try {
            return SequentialFormat.read(contents);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the model whole or not at all, with dtc's layout in the metadata. */
    public static void write(Path file, Mlp.State model) throws IOException {
        if (!file.getFileName().toString().endsWith(".safetensors")) {
            throw new IllegalArgumentException(file + ": dtc writes models as .safetensors files; name it so");
        }
        SafeTensors.write(file, SequentialFormat.tensors(model), SequentialFormat.metadata(model.spec()));
    }

    /** Refuses data the model cannot take: another input size, or labels beyond its outputs. */
    public static void checkFits(Path file, Mlp.State model, TrainTest data, String dataset) {
        int inputs = model.spec().inputs();
        if (data.train().features() != inputs) {
            throw new IllegalArgumentException(file + " takes " + inputs + " inputs; " + dataset + " has "
                    + data.train().features() + " per sample");
        }
        int largest = Math.max(data.train().largestLabel(), data.test().largestLabel());
        if (largest >= model.spec().outputs()) {
            throw new IllegalArgumentException(file + " has " + model.spec().outputs() + " outputs; " + dataset
                    + " has labels up to " + largest);
        }
    }
}
