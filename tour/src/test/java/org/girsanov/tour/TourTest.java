package org.girsanov.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps docs/tour/ true: every chapter program is run, and what it prints must equal the page's quoted output
 * block, its file must equal the page's quoted source block, the images it draws must equal (pixel for pixel) the
 * ones the page shows, and every relative link of the pages must lead to a file. With {@code -Dtour.update=true}
 * the pages and images are rewritten from the programs instead (then review the diff and commit it).
 */
class TourTest {
    /** A chapter program: prints to {@code out}, may draw PNG files into {@code images}. */
    @FunctionalInterface
    interface Program {
        void run(PrintStream out, Path images) throws Exception;
    }

    /** Page (in docs/tour/) → the programs whose output it quotes, by output key. */
    static final Map<String, Map<String, Program>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("README.md", Map.of());
        PAGES.put("01-tape.md", Map.of("Chapter1", (out, img) -> Chapter1.run(out)));
        PAGES.put("02-divergences.md", Map.of("Chapter2", (out, img) -> Chapter2.run(out)));
        PAGES.put("03-path-weights.md", Map.of("Chapter3", (out, img) -> Chapter3.run(out)));
        PAGES.put("04-girsanov.md", Map.of("Chapter4", (out, img) -> Chapter4.run(out)));
        PAGES.put("05-dt-to-zero.md", Map.of("Chapter5", (out, img) -> Chapter5.run(out)));
        PAGES.put("06-pis.md", Map.of("Chapter6", Chapter6::run));
        PAGES.put("07-off-policy.md", Map.of("Chapter7", (out, img) -> Chapter7.run(out)));
        PAGES.put("08-schrodinger.md", Map.of("Chapter8", (out, img) -> Chapter8.run(out)));
    }

    static final boolean UPDATE = Boolean.getBoolean("tour.update");

    static Path root() {
        String r = System.getProperty("tour.root");
        return (r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    static Path tourDir() {
        return root().resolve("docs/tour");
    }

    @TestFactory
    Stream<DynamicTest> everyPageSaysWhatItsProgramDoes() {
        return PAGES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkPage(e.getKey(), e.getValue())));
    }

    @Test
    void everyPageOfTheTourFolderIsChecked() throws IOException {
        try (Stream<Path> files = Files.list(tourDir())) {
            List<String> pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
            assertEquals(PAGES.keySet().stream().sorted().toList(), pages, "docs/tour/*.md and TourTest.PAGES must agree");
        }
    }

    static void checkPage(String name, Map<String, Program> programs) throws Exception {
        Path file = tourDir().resolve(name);
        TourPage page = TourPage.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> stale = new ArrayList<>();
        List<TourPage.Block> blocks = page.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            TourPage.Block b = blocks.get(i);
            String now;
            if (b.kind().equals("source")) {
                Path src = root().resolve(b.key());
                assertTrue(Files.isRegularFile(src), name + ": quoted source " + b.key() + " does not exist");
                now = Files.readString(src, StandardCharsets.UTF_8).replace("\r\n", "\n");
            } else {
                Program p = programs.get(b.key());
                if (p == null) {
                    fail(name + ": output block '" + b.key() + "' names no program of this page; known: " + programs.keySet());
                }
                now = output(p);
            }
            if (!now.equals(b.content())) {
                stale.add(b.kind() + " " + b.key());
                if (UPDATE) {
                    page = page.with(i, now);
                    blocks = page.blocks();
                } else {
                    assertEquals(now, b.content(), name + ": the quoted " + b.kind() + " '" + b.key()
                            + "' is stale; rerun with -Dtour.update=true to refresh the page, then review the diff");
                }
            }
        }
        for (String key : programs.keySet()) {
            assertTrue(page.blocks("output").stream().anyMatch(b -> b.key().equals(key)), name + " quotes no output of " + key);
        }
        if (UPDATE && !stale.isEmpty()) {
            Files.writeString(file, page.text(), StandardCharsets.UTF_8);
            System.err.println("tour: refreshed " + name + ": " + stale);
        }
        for (String link : page.relativeLinks()) {
            assertTrue(Files.exists(file.getParent().resolve(link)), name + ": the link " + link + " leads to no file");
        }
    }

    /** Runs {@code p}, returns what it printed; its images are compared with (or, updating, copied to) docs/tour/img. */
    static String output(Program p) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Path images = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tour-img").toAbsolutePath();
        long start = System.nanoTime();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            p.run(out, images);
        }
        System.err.printf(java.util.Locale.ROOT, "tour: a chapter program ran in %.1f s (%.1f s of CPU)%n",
                (System.nanoTime() - start) / 1e9,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
        for (Path drawn : pngs(images)) {
            Path shown = tourDir().resolve("img").resolve(drawn.getFileName());
            if (UPDATE) {
                Files.createDirectories(shown.getParent());
                if (!Files.exists(shown) || !samePixels(drawn, shown)) {
                    Files.copy(drawn, shown, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    System.err.println("tour: redrew " + shown);
                }
            } else {
                assertTrue(Files.exists(shown), "the page's image " + shown + " is missing; rerun with -Dtour.update=true");
                assertTrue(samePixels(drawn, shown), "the image " + shown + " is stale: the program now draws another;"
                        + " rerun with -Dtour.update=true");
            }
        }
        return buf.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    static List<Path> pngs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    static boolean samePixels(Path a, Path b) throws IOException {
        BufferedImage x = ImageIO.read(a.toFile());
        BufferedImage y = ImageIO.read(b.toFile());
        if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
            return false;
        }
        for (int i = 0; i < x.getWidth(); i++) {
            for (int j = 0; j < x.getHeight(); j++) {
                if (x.getRGB(i, j) != y.getRGB(i, j)) {
                    return false;
                }
            }
        }
        return true;
    }
}
