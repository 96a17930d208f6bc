package org.girsanov.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of the tour and the blocks it quotes. A quoted block is a fenced code block right after a marker line:
 * <pre>
 *   &lt;!-- source: tour/src/test/java/org/girsanov/tour/Chapter1.java --&gt;    the file, verbatim (path from the
 *   ```java                                                                  repository root)
 *   …
 *   ```
 *   &lt;!-- output: Chapter1 --&gt;                                              what the program prints
 *   ```text
 *   …
 *   ```
 * </pre>
 * A marker is a line of its own (an indented one, in a Markdown code block, is text). The fence must start on the line
 * after the marker and end with a line holding only the fence. Immutable:
 * {@link #with} returns the page with one block's content replaced (how the pages are refreshed).
 */
public final class TourPage {
    private static final Pattern MARKER = Pattern.compile("^<!--[ \\t]*(source|output):[ \\t]*(\\S+)[ \\t]*-->[ \\t]*$",
            Pattern.MULTILINE);

    /** One quoted block: its kind ({@code source} or {@code output}), its key, and its content's place in the page. */
    public record Block(String kind, String key, int contentStart, int contentEnd, String content) {
    }

    private final String text;
    private final List<Block> blocks;

    private TourPage(String text, List<Block> blocks) {
        this.text = text;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses a page.
     *
     * @param markdown the page's text
     * @return the page with its quoted blocks
     * @throws IllegalArgumentException naming the marker's line if a marker is not followed by a fenced block
     */
    public static TourPage parse(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        List<Block> blocks = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            int line = lineOf(text, m.start());
            int open = text.indexOf('\n', m.end());
            if (open < 0 || !text.startsWith("```", open + 1)) {
                throw new IllegalArgumentException("line " + line + ": the marker '" + m.group()
                        + "' must be followed, on the next line, by a fenced block (```)");
            }
            int start = text.indexOf('\n', open + 1);
            if (start < 0) {
                throw new IllegalArgumentException("line " + line + ": the fenced block after '" + m.group() + "' never opens");
            }
            start++;
            int end = closingFence(text, start);
            if (end < 0) {
                throw new IllegalArgumentException("line " + line + ": the fenced block after '" + m.group()
                        + "' is not closed by a line holding only ```");
            }
            blocks.add(new Block(m.group(1), m.group(2), start, end, text.substring(start, end)));
        }
        return new TourPage(text, blocks);
    }

    /** The first line at or after {@code from} that is exactly the fence; the offset of its first character. */
    private static int closingFence(String text, int from) {
        int pos = from;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            String line = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
            if (line.equals("```")) {
                return pos;
            }
            if (eol < 0) {
                return -1;
            }
            pos = eol + 1;
        }
        return -1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The page's text.
     *
     * @return the text, line ends normalised to {@code \n}
     */
    public String text() {
        return text;
    }

    /**
     * The quoted blocks.
     *
     * @return every block, in page order
     */
    public List<Block> blocks() {
        return blocks;
    }

    /**
     * The blocks of one kind.
     *
     * @param kind {@code source} or {@code output}
     * @return the blocks of that kind, in page order
     */
    public List<Block> blocks(String kind) {
        return blocks.stream().filter(b -> b.kind().equals(kind)).toList();
    }

    /**
     * The page with one block's content replaced.
     *
     * @param index   the block's index in {@link #blocks()}
     * @param content the new content (a final newline is added if missing)
     * @return the new page
     */
    public TourPage with(int index, String content) {
        Block b = blocks.get(index);
        String c = content.endsWith("\n") ? content : content + "\n";
        return parse(text.substring(0, b.contentStart()) + c + text.substring(b.contentEnd()));
    }

    /**
     * The relative link targets of the page: {@code [text](target)} whose target has no scheme and is not an anchor.
     *
     * @return the targets without their {@code #fragment}, in page order
     */
    public List<String> relativeLinks() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\]\\(([^)\\s]+)\\)").matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("#") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            out.add(hash < 0 ? target : target.substring(0, hash));
        }
        return out;
    }
}
