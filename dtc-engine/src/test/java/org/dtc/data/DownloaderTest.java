package org.dtc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on 127.0.0.1 that this test starts, with each failure it can stage. */
class DownloaderTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/good/", exchange -> serve(exchange, "/good/", false));
        server.createContext("/cut/", exchange -> serve(exchange, "/cut/", true));
        server.createContext("/stall/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath().substring("/stall/".length()));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body, 0, 10);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(20_000); // a mirror that stops sending, connection open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/endless/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            byte[] zeros = new byte[1 << 16];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) { // 655 MB if nothing stopped it
                    out.write(zeros);
                }
            } catch (IOException dropped) {
                // the downloader gave up: expected
            }
        });
        server.createContext("/missing/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        for (String name : List.of("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz")) {
            files.put(name, IdxFixtures.gzip(IdxFixtures.images()));
        }
        for (String name : List.of("train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            files.put(name, IdxFixtures.gzip(IdxFixtures.labels()));
        }
    }

    private void serve(HttpExchange exchange, String prefix, boolean cut) throws IOException {
        requests.incrementAndGet();
        byte[] body = files.get(exchange.getRequestURI().getPath().substring(prefix.length()));
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        if (cut) {
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.close(); // fewer bytes than announced: the server drops the connection

        } else {
            out.write(body);
            out.close();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Downloader downloader(String... mirrors) {
        return new Downloader(List.of(mirrors), new PrintStream(log, true), false);
    }

    private DatasetSpec spec() {
        return IdxFixtures.spec(List.of());
    }

    @Test
    void aGoodDownloadIsVerifiedAndStoredUnderItsStandardName() throws IOException {
        DataFolder folder = downloader(base("/good")).download(spec(), dir.resolve("new"));
        assertThat(folder.verify()).isEmpty();
        assertThat(listing(dir.resolve("new"))).containsExactlyInAnyOrder("train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        assertThat(Files.readAllBytes(dir.resolve("new/train-labels-idx1-ubyte.gz")))
                .isEqualTo(files.get("train-labels-idx1-ubyte.gz"));
        assertThat(log.toString()).contains("tiny: train-images-idx3-ubyte.gz").contains("verified");

        int before = requests.get();
        downloader(base("/good")).download(spec(), dir.resolve("new"));
        assertThat(requests.get()).as("verified files are not fetched again").isEqualTo(before);
    }

    @Test
    void dataFoundNowhereIsDownloadedIntoTheCache() {
        DataLocator locator = new DataLocator(Map.of("XDG_CACHE_HOME", dir.toString()));
        DataFolder folder = locator.locateOrDownload(spec(), null, downloader(base("/good")));
        assertThat(folder.dir()).isEqualTo(dir.resolve("dtc/tiny"));
        assertThat(folder.verify()).isEmpty();
        int before = requests.get();
        assertThat(locator.locateOrDownload(spec(), null, downloader(base("/good"))).dir()).isEqualTo(folder.dir());
        assertThat(requests.get()).as("found the second time, not fetched").isEqualTo(before);
    }

    @Test
    void aMirrorThatStallsOrSendsWithoutEndIsGivenUpAndLeavesNothingBehind() throws IOException {
        long start = System.nanoTime();
        Downloader impatient = new Downloader(List.of(base("/stall"), base("/endless")), new PrintStream(log, true),
                false, java.time.Duration.ofSeconds(1));
        assertThatThrownBy(() -> impatient.download(spec(), dir.resolve("bad")))
                .hasMessageContaining("/stall/train-images-idx3-ubyte.gz: stalled: nothing received for 1 s")
                .hasMessageContaining("/endless/train-images-idx3-ubyte.gz: sent more than ");
        assertThat(System.nanoTime() - start).as("nanoseconds to give up").isLessThan(15_000_000_000L);
        assertThat(listing(dir.resolve("bad"))).isEmpty();
    }

    @Test
    void aStrayPartialFileOfAnEarlierDownloadGoesOnceTheFileIsIn() throws IOException {
        Path target = Files.createDirectories(dir.resolve("again"));
        Files.writeString(target.resolve(".train-images-idx3-ubyte.gz.1234abcd.part"), "killed mid-download");
        downloader(base("/good")).download(spec(), target);
        assertThat(listing(target)).containsExactlyInAnyOrder("train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void aWrongChecksumFailsAndLeavesNothingBehind() throws IOException {
        byte[] other = IdxFixtures.images();
        other[20] ^= 1;
        files.put("train-images-idx3-ubyte.gz", IdxFixtures.gzip(other));
        assertThatThrownBy(() -> downloader(base("/good")).download(spec(), dir))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("could not download tiny's train-images-idx3-ubyte.gz: " + base("/good/")
                        + "train-images-idx3-ubyte.gz: SHA-256 of the uncompressed content is ");
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aConnectionCutMidFileFailsAndLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> downloader(base("/cut")).download(spec(), dir))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("could not download tiny's train-images-idx3-ubyte.gz: " + base("/cut/"));
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aFailingMirrorGivesWayToTheNext() throws IOException {
        DataFolder folder = downloader(base("/missing"), base("/cut"), base("/good")).download(spec(), dir);
        assertThat(folder.verify()).isEmpty();
        assertThat(listing(dir)).hasSize(4);
    }

    @Test
    void everyMirrorFailingIsReportedMirrorByMirror() {
        assertThatThrownBy(() -> downloader(base("/missing"), base("/cut")).download(spec(), dir))
                .hasMessageContaining(base("/missing/") + "train-images-idx3-ubyte.gz: HTTP 404; " + base("/cut/"));
    }

    @Test
    void withNoMirrorReachableItFailsAtOnceSayingWhereToPutTheFiles() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> downloader("http://127.0.0.1:" + closedPort + "/a/", "http://127.0.0.1:"
                + closedPort + "/b/").download(spec(), dir))
                .hasMessage("cannot reach any mirror of tiny (offline?): put train-images-idx3-ubyte.gz, "
                        + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz into "
                        + dir + " by hand, or point --data at a folder that holds them");
        assertThat(listing(dir)).isEmpty();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
