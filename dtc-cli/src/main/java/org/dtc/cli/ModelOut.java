package org.dtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtc.export.OnnxExport;
import org.dtc.model.ModelFile;
import org.dtc.nn.Mlp;
import picocli.CommandLine.Option;

/** Where and how a command that makes a model writes it (a picocli mixin). */
final class ModelOut {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model file to write: "
            + ".safetensors (an nn.Sequential state_dict) or .onnx.")
    Path out;

    @Option(names = "--format", paramLabel = "NAME", description = "safetensors or onnx (default: from --out's "
            + "extension).")
    String format;

    @Option(names = "--onnx-output", defaultValue = "logits", paramLabel = "KIND", description = "What an ONNX model "
            + "ends with: logits or log-probs (a LogSoftmax) (default: ${DEFAULT-VALUE}).")
    String onnxOutput;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    /** Refuses, before any work, a file that would be replaced without --force, a folder that is not there, or a format that does not fit. */
    void check() {
        String name = out.getFileName().toString();
        String extension = name.endsWith(".safetensors") ? "safetensors" : name.endsWith(".onnx") ? "onnx" : null;
        if (extension == null) {
            throw new IllegalArgumentException("--out " + out + ": name the file .safetensors or .onnx");
        }
        if (format != null && !format.equals(extension)) {
            throw new IllegalArgumentException("--format " + format + " and --out " + out + " disagree: name the file ."
                    + format + (format.equals("onnx") || format.equals("safetensors") ? "" : " (safetensors or onnx)"));
        }
        format = extension;
        onnx();
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException("--out " + out + " exists; choose another file or add --force");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder, not a file");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out " + out + ": there is no folder " + folder);
        }
    }

    private OnnxExport.Output onnx() {
        return switch (onnxOutput) {
            case "logits" -> OnnxExport.Output.LOGITS;
            case "log-probs" -> OnnxExport.Output.LOG_PROBS;
            default -> throw new IllegalArgumentException("--onnx-output " + onnxOutput + ": logits or log-probs");
        };
    }

    /** Writes the model, whole or not at all, in the format checked. */
    void write(Mlp.State model) throws IOException {
        if (format.equals("onnx")) {
            OnnxExport.write(out, model, onnx());
        } else {
            ModelFile.write(out, model);
        }
    }
}
