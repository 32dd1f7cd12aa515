package dev.groundwork.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldHtmlTest {

    @Test
    void writesTextAsHtmlThatReadsBackUnchanged() {
        for (String text : new String[] {"What does SET do?", "a < b && c > \"d\"", "two\nlines\n\nand a gap",
                "kept  double   spaces", "{{c1::Redis}} keeps data in {{c2::memory::where?}}", "tab\tinside",
                "List<String> of 'quoted' words", "ends with space \nnext"}) {
            assertThat(FieldHtml.text(FieldHtml.of(text)).text()).as(text).isEqualTo(text);
        }
    }

    @Test
    void dropsScriptsStylesAndEventHandlersAndSaysSo() {
        FieldHtml.Text text = FieldHtml.text("<b>Redis</b><script>alert(1)</script><style>b{}</style>"
                + " is <span onclick=\"steal()\">fast</span><iframe src=\"https://evil\"></iframe>");
        assertThat(text.text()).isEqualTo("Redis is fast");
        assertThat(text.unsafeRemoved()).isTrue();
        assertThat(FieldHtml.text("<a href=\"javascript:alert(1)\">x</a>").unsafeRemoved()).isTrue();
        assertThat(FieldHtml.text("<b>plain</b> bold").unsafeRemoved()).isFalse();
    }

    @Test
    void readsLineBreaksAndBlocksAsABrowserShowsThem() {
        assertThat(FieldHtml.text("<div>one</div><div>two</div>three<br>four").text())
                .isEqualTo("one\ntwo\nthree\nfour");
        assertThat(FieldHtml.text("a&nbsp;b\n   c").text()).isEqualTo("a b c");
        assertThat(FieldHtml.text("<ul><li>x</li><li>y</li></ul>").text()).isEqualTo("x\ny");
        assertThat(FieldHtml.text("<pre>  indented\n  code</pre>").text()).isEqualTo("indented\n  code");
    }

    @Test
    void leavesOutImagesAndSoundsAndSaysSo() {
        FieldHtml.Text text = FieldHtml.text("Listen [sound:a.mp3] and look <img src=\"x.png\">");
        assertThat(text.text()).isEqualTo("Listen and look");
        assertThat(text.mediaRemoved()).isTrue();
        assertThat(text.unsafeRemoved()).isFalse();
    }

    @Test
    void tellsHtmlFromPlainText() {
        assertThat(FieldHtml.looksLikeHtml("a<br>b")).isTrue();
        assertThat(FieldHtml.looksLikeHtml("<script>x</script>")).isTrue();
        assertThat(FieldHtml.looksLikeHtml("Tom&nbsp;Jerry")).isTrue();
        assertThat(FieldHtml.looksLikeHtml("List<String> and a < b")).isFalse();
    }
}
