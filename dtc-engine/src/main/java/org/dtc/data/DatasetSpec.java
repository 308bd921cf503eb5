package org.dtc.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A dataset this engine knows: its four IDX files with their checksums, the normalisation
 * constants of its training images, the public mirrors that serve it (tried in turn) and any
 * system folder where a package installs it.
 *
 * @param mean mean of all training pixels scaled to [0, 1]
 * @param std  population standard deviation of the same
 */
public record DatasetSpec(String name, DataFile trainImages, DataFile trainLabels, DataFile testImages,
                          DataFile testLabels, double mean, double std, List<String> mirrors,
                          List<Path> systemFolders) {

    /** MNIST (LeCun, Cortes, Burges): the usual constants 0.1307 and 0.3081. */
    public static final DatasetSpec MNIST = new DatasetSpec("mnist",
            new DataFile("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    47_040_016),
            new DataFile("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    60_008),
            new DataFile("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    7_840_016),
            new DataFile("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
                    10_008),
            0.1307, 0.3081,
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/"),
            List.of());

    /**
     * Fashion-MNIST (Zalando Research). Its constants, computed over the 47,040,000 training
     * pixels scaled to [0, 1]: mean 0.28604, population standard deviation 0.35302.
     */
    public static final DatasetSpec FASHION_MNIST = new DatasetSpec("fashion-mnist",
            new DataFile("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    47_040_016),
            new DataFile("train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    60_008),
            new DataFile("t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    7_840_016),
            new DataFile("t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
                    10_008),
            0.2860, 0.3530,
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")));

    /**
     * Any other data in the IDX format under the standard file names, in a folder given with
     * --data: no checksums to verify (the files are still checked for shape and labels), never
     * downloaded, inputs only scaled to [0, 1].
     */
    public static final DatasetSpec CUSTOM = new DatasetSpec("custom",
            DataFile.unknown("train-images-idx3-ubyte"), DataFile.unknown("train-labels-idx1-ubyte"),
            DataFile.unknown("t10k-images-idx3-ubyte"), DataFile.unknown("t10k-labels-idx1-ubyte"),
            0.0, 1.0, List.of(), List.of());

    /** The known datasets, by name. */
    public static final List<DatasetSpec> KNOWN = List.of(MNIST, FASHION_MNIST, CUSTOM);

    /** The four files: train images, train labels, test images, test labels. */
    public List<DataFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** Whether the files have checksums to verify (all but {@link #CUSTOM}). */
    public boolean verified() {
        return trainImages.sha256() != null;
    }

    /**
     * Labels run 0 until this: MNIST's and Fashion-MNIST's ten classes; for custom data any byte
     * (EMNIST's letters, say), the network's output count deciding how many it takes.
     */
    public int classes() {
        return verified() ? 10 : 256;
    }

    /** The normalisation of this dataset's own constants. */
    public Normalization normalization() {
        return new Normalization(mean, std);
    }

    /** The known dataset of that name. */
    public static DatasetSpec named(String name) {
        for (DatasetSpec spec : KNOWN) {
            if (spec.name.equals(name.toLowerCase(Locale.ROOT))) {
                return spec;
            }
        }
        throw new DataException("unknown dataset '" + name + "': known are "
                + String.join(", ", KNOWN.stream().map(DatasetSpec::name).toList()));
    }
}
