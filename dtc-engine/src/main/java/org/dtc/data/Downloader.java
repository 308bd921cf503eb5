package org.dtc.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dtc.core.AtomicFile;

/**
 * Fetches a dataset's files from its mirrors, tried in turn, as torchvision's download does;
 * stores each as served (gzip'd, under its standard name) only after its uncompressed content
 * matched the dataset's SHA-256. Every file is written to a temporary file in the target folder
 * and renamed into place, so a failure never leaves a half-written file behind. When no mirror
 * can be reached at all, it fails at once with one message saying where to put the files.
 */
public final class Downloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A mirror that sends no headers for this long is given up. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    /** A mirror that stops sending for this long in the middle of a file is given up. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> mirrors;
    private final Progress progress;
    private final Duration stallTimeout;
    /** Made on the first download: starting an HTTP client would slow every run that finds its data. */
    private HttpClient http;

    /**
     * @param mirrors base URLs, each ending with a slash or not, tried in this order
     * @param log where progress goes (stderr in the CLI); {@code terminal} redraws one line
     */
    public Downloader(List<String> mirrors, PrintStream log, boolean terminal) {
        this(mirrors, log, terminal, STALL_TIMEOUT);
    }

    Downloader(List<String> mirrors, PrintStream log, boolean terminal, Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        this.mirrors = mirrors.stream().map(m -> m.endsWith("/") ? m : m + "/").toList();
        this.progress = new Progress(log, terminal);
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return http;
    }

    /** Downloads every file of the dataset that the folder lacks or that does not verify. */
    public DataFolder download(DatasetSpec spec, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataException("cannot download into " + dir + ": it is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException("cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
        DataFolder folder = new DataFolder(spec, dir);
        for (DataFile file : spec.files()) {
            if (folder.find(file) != null && verifies(folder, file)) {
                progress.line(spec.name() + ": " + file.gzName() + " already present and verified");
                continue;
            }
            fetch(spec, file, dir);
        }
        return folder;
    }

    private static boolean verifies(DataFolder folder, DataFile file) {
        try {
            folder.read(file);
            return true;
        } catch (DataException | UncheckedIOException e) {
            return false;
        }
    }

    /** Temporary files of earlier downloads of this file that a kill left behind. */
    private static void removeStrayParts(Path dir, String name) throws IOException {
        try (var listing = Files.newDirectoryStream(dir, "." + name + ".*.part")) {
            for (Path stray : listing) {
                Files.deleteIfExists(stray);
            }
        }
    }

    private void fetch(DatasetSpec spec, DataFile file, Path dir) {
        List<String> failures = new ArrayList<>();
        boolean anyReached = false;
        for (String mirror : mirrors) {
            URI uri = URI.create(mirror + file.gzName());
            Path temp = null;
            try {
                HttpResponse<InputStream> response = open(uri);
                anyReached = true;
                temp = AtomicFile.temporaryBeside(dir.resolve(file.gzName()));
                long bytes = save(response, temp, spec.name() + ": " + file.gzName(), file.downloadLimit());
                String actual = Checksums.sha256(IdxFile.readContent(temp, file.contentLimit()));
                if (!actual.equals(file.sha256())) {
                    throw new DataException("SHA-256 of the uncompressed content is " + actual + ", expected "
                            + file.sha256());
                }
                AtomicFile.moveIntoPlace(temp, dir.resolve(file.gzName()));
                temp = null;
                removeStrayParts(dir, file.gzName());
                progress.done(spec.name() + ": " + file.gzName() + " " + megabytes(bytes) + " from " + mirror
                        + ", verified");
                return;
            } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException e) {
                failures.add(uri + ": cannot connect (" + describe(e) + ")");
            } catch (IOException | DataException e) {
                failures.add(uri + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataException("download of " + file.gzName() + " interrupted", e);
            } finally {
                progress.clear();
                deleteQuietly(temp);
            }
        }
        if (!anyReached) {
            throw new DataException("cannot reach any mirror of " + spec.name() + " (offline?): put "
                    + String.join(", ", spec.files().stream().map(DataFile::gzName).toList()) + " into " + dir
                    + " by hand, or point --data at a folder that holds them");
        }
        throw new DataException("could not download " + spec.name() + "'s " + file.gzName() + ": "
                + String.join("; ", failures));
    }

    /** Sends the GET and returns once the response headers arrived. */
    private HttpResponse<InputStream> open(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        return http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Streams a response body into the file, reporting progress; returns the byte count. */
    private long save(HttpResponse<InputStream> response, Path target, String label, long limit) throws IOException {
        try (InputStream in = response.body(); Watchdog watchdog = new Watchdog(in, stallTimeout)) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (expected > limit) {
                throw new IOException("announces " + expected + " bytes, more than the file can take (" + limit + ")");
            }
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int n = watchdog.read(buffer); n >= 0; n = watchdog.read(buffer)) {
                    total += n;
                    if (total > limit) {
                        throw new IOException("sent more than " + limit + " bytes, more than the file can take");
                    }
                    out.write(buffer, 0, n);
                    progress.update(label, total, expected);
                }
            }
            if (expected >= 0 && total != expected) {
                throw new IOException("connection closed after " + total + " of " + expected + " bytes");
            }
            return total;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do: the name starts with a dot and ends in .part
            }
        }
    }

    /** One progress line per file: redrawn in place on a terminal, printed once otherwise. */
    private static final class Progress {
        private final PrintStream log;
        private final boolean terminal;
        private long lastDraw;
        private boolean drawn;

        Progress(PrintStream log, boolean terminal) {
            this.log = log;
            this.terminal = terminal;
        }

        void update(String label, long bytes, long total) {
            long now = System.nanoTime();
            if (!terminal || now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            String amount = total > 0
                    ? String.format(Locale.ROOT, "%3d%% of %s", 100 * bytes / total, megabytes(total))
                    : megabytes(bytes);
            log.print("\r" + label + " " + amount + "   ");
            log.flush();
            drawn = true;
        }

        void clear() {
            if (drawn) {
                log.print("\r\033[K");
                log.flush();
                drawn = false;
            }
        }

        void done(String message) {
            clear();
            line(message);
        }

        void line(String message) {
            log.println(message);
        }
    }

    /**
     * Reads a body for as long as it makes progress: a read that waits longer than the timeout is
     * ended by closing the stream, and reported as a stall rather than hanging the download.
     */
    private static final class Watchdog implements AutoCloseable {
        private static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "dtc-download-watchdog");
                    t.setDaemon(true);
                    return t;
                });
        private final InputStream in;
        private final Duration timeout;
        private volatile boolean stalled;
        private java.util.concurrent.ScheduledFuture<?> alarm;

        Watchdog(InputStream in, Duration timeout) {
            this.in = in;
            this.timeout = timeout;
        }

        int read(byte[] buffer) throws IOException {
            alarm = TIMER.schedule(this::stall, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                return in.read(buffer);
            } catch (IOException e) {
                if (stalled) {
                    throw new IOException("stalled: nothing received for " + timeout.toSeconds() + " s");
                }
                throw e;
            } finally {
                alarm.cancel(false);
                if (stalled) {
                    throw new IOException("stalled: nothing received for " + timeout.toSeconds() + " s");
                }
            }
        }

        private void stall() {
            stalled = true;
            try {
                in.close();
            } catch (IOException e) {
                // the reader sees the stream end either way
            }
        }

        @Override
        public void close() {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }
}
