package org.dtc.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a dataset's files are looked for, in order: the folder given with {@code --data}; the
 * folder in {@code DTC_DATA}; the user cache ({@code $XDG_CACHE_HOME/dtc/<dataset>}, by default
 * {@code ~/.cache/dtc/<dataset>}); the folder a system package installs (Debian's
 * dataset-fashion-mnist). A given folder may hold the files itself or in a {@code <dataset>}
 * subfolder. A folder named with {@code --data} must hold them: it is never skipped silently.
 */
public final class DataLocator {
    /** Name of the environment variable that names a data folder. */
    public static final String DATA_ENV = "DTC_DATA";

    private final Map<String, String> env;

    public DataLocator(Map<String, String> env) {
        this.env = env;
    }

    /** The locator of this process's environment. */
    public static DataLocator fromEnvironment() {
        return new DataLocator(System.getenv());
    }

    /** The user cache folder for a dataset, where downloads go by default. */
    public Path cacheFolder(DatasetSpec spec) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(env.getOrDefault("HOME",
                System.getProperty("user.home")), ".cache");
        return root.resolve("dtc").resolve(spec.name());
    }

    /** The first folder, in search order, that holds all four files; empty if none does. */
    public Optional<DataFolder> locate(DatasetSpec spec, Path dataOption) {
        if (dataOption != null) {
            for (Path dir : withSubfolder(dataOption, spec)) {
                DataFolder folder = new DataFolder(spec, dir);
                if (folder.complete()) {
                    return Optional.of(folder);
                }
            }
            new DataFolder(spec, dataOption).checkUsable();
            throw new DataException(dataOption + " does not hold the " + spec.name() + " files (missing "
                    + String.join(", ", new DataFolder(spec, dataOption).missing().stream().map(DataFile::gzName).toList())
                    + "); get them with 'dtc data download --dataset " + spec.name() + " --dir " + dataOption + "'");
        }
        for (Path dir : searchOrder(spec)) {
            DataFolder folder = new DataFolder(spec, dir);
            if (folder.complete()) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * The folder to load from: found as {@link #locate} does, or, when nothing is found and no
     * {@code --data} was given, downloaded into the cache folder first, as torchvision's
     * {@code download=True} does.
     */
    public DataFolder locateOrDownload(DatasetSpec spec, Path dataOption, Downloader downloader) {
        if (!spec.verified() && dataOption == null) {
            throw new DataException("the " + spec.name() + " dataset is read from the folder given with --data");
        }
        return locate(spec, dataOption).orElseGet(() -> downloader.download(spec, cacheFolder(spec)));
    }

    /** The folders looked in when no {@code --data} is given, in order. */
    public List<Path> searchOrder(DatasetSpec spec) {
        List<Path> dirs = new ArrayList<>();
        String fromEnv = env.get(DATA_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            dirs.addAll(withSubfolder(Path.of(fromEnv), spec));
        }
        dirs.add(cacheFolder(spec));
        dirs.addAll(spec.systemFolders());
        return dirs;
    }

    private static List<Path> withSubfolder(Path dir, DatasetSpec spec) {
        return List.of(dir, dir.resolve(spec.name()));
    }
}
