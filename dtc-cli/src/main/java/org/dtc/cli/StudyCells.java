package org.dtc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dtc.model.ModelFile;
import org.dtc.report.ResultFiles;
import org.dtc.report.StudyCsv;
import org.dtc.study.Cell;
import org.dtc.study.StudyRunner;

/**
 * A study's finished cells on disk, what --resume continues from: per cell its rows
 * ({@code <cell>.csv}, written last, so that it marks the cell done), its overlap rows
 * ({@code <cell>.overlap.csv}) and its final network ({@code <cell>.safetensors}), beside {@code settings.json}, the grid and settings they were
 * made with. A cell interrupted midway runs again from its start.
 */
final class StudyCells {
    static final String FOLDER = "cells";
    private static final String SETTINGS = "settings.json";

    private final Path dir;

    /**
     * Opens the cells folder: a new study writes its settings there; a resumed one must have
     * the settings it was started with.
     */
    StudyCells(Path dir, String settings, boolean resume) throws IOException {
        this.dir = dir;
        Path file = dir.resolve(SETTINGS);
        if (resume) {
            if (!Files.isRegularFile(file) || !Files.readString(file).strip().equals(settings)) {
                throw new IllegalArgumentException("--resume: the study in " + dir.getParent() + " was started with "
                        + "other settings or grid (" + file + "); resume with the options of the interrupted study");
            }
        } else {
            Files.createDirectories(dir);
            ResultFiles.write(file, settings + "\n");
        }
    }

    /** The cells of {@code cells} that finished, with their results; a file of another cell is refused. */
    Map<Cell, StudyRunner.CellResult> finished(List<Cell> cells) throws IOException {
        Set<String> known = new HashSet<>();
        known.add(SETTINGS);
        Map<Cell, StudyRunner.CellResult> done = new LinkedHashMap<>();
        for (Cell cell : cells) {
            known.add(cell.id() + ".csv");
            known.add(cell.id() + ".overlap.csv");
            known.add(cell.id() + ".safetensors");
            Path rows = dir.resolve(cell.id() + ".csv");
            if (Files.isRegularFile(rows)) {
                Path overlap = dir.resolve(cell.id() + ".overlap.csv");
                done.put(cell, new StudyRunner.CellResult(cell, StudyCsv.parse(rows),
                        Files.isRegularFile(overlap) ? StudyCsv.parseOverlap(overlap) : List.of(), null));
            }
        }
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path p : listing.toList()) {
                String name = p.getFileName().toString();
                if (!known.contains(name) && !name.startsWith(".")) {
                    throw new IllegalArgumentException(p + " is not a cell of this study; resume with the options of "
                            + "the interrupted study");
                }
            }
        }
        return done;
    }

    /** Saves a finished cell: its final network and the overlap first, the rows last. */
    void save(StudyRunner.CellResult result) {
        try {
            ModelFile.write(dir.resolve(result.cell().id() + ".safetensors"), result.network());
            if (!result.overlap().isEmpty()) {
                ResultFiles.write(dir.resolve(result.cell().id() + ".overlap.csv"),
                        StudyCsv.renderOverlap(result.overlap()));
            }
            ResultFiles.write(dir.resolve(result.cell().id() + ".csv"), StudyCsv.render(result.rows()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save cell " + result.cell().label() + " in " + dir + ": "
                    + e.getMessage(), e);
        }
    }
}
