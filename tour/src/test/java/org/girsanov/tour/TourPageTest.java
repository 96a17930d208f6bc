package org.girsanov.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TourPageTest {
    static final String PAGE = "# t\n[a](x/A.java) [web](https://example.org) [here](#s)\n"
            + "<!-- source: x/A.java -->\n```java\nclass A {}\n```\ntext\n<!-- output: A -->\n```text\n1\n2\n```\n";

    @Test
    void findsTheQuotedBlocksAndTheirContent() {
        TourPage p = TourPage.parse(PAGE);
        assertEquals(2, p.blocks().size());
        assertEquals("source", p.blocks().get(0).kind());
        assertEquals("x/A.java", p.blocks().get(0).key());
        assertEquals("class A {}\n", p.blocks().get(0).content());
        assertEquals("1\n2\n", p.blocks("output").get(0).content());
        assertEquals(List.of("x/A.java"), p.relativeLinks());
    }

    @Test
    void replacesOneBlockAndKeepsTheRest() {
        TourPage p = TourPage.parse(PAGE).with(1, "3");
        assertEquals("3\n", p.blocks().get(1).content());
        assertEquals("class A {}\n", p.blocks().get(0).content());
        assertTrue(p.text().endsWith("```text\n3\n```\n"));
        assertEquals("", TourPage.parse(PAGE).with(0, "").blocks().get(0).content().trim());
    }

    @Test
    void aMarkerMustBeALineOfItsOwn() {
        TourPage p = TourPage.parse("example:\n    <!-- output: A -->   then a block\nno block here\n");
        assertEquals(0, p.blocks().size());
    }

    @Test
    void aMarkerWithoutItsFenceIsAnErrorNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TourPage.parse("a\n<!-- output: A -->\ntext\n"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TourPage.parse("<!-- output: A -->\n```text\n1\n"));
    }
}
