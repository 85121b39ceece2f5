package org.cablegate.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionFileTest {
    @Test
    void readsEveryRowWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("redactions.csv");
        Files.writeString(file, "\uFEFFid,kind,value,reason\r\n"
                + "09LONDON2567,text,\"McEldowney, Nancy\",source protection\r\n"
                + "08MOSCOW1647,span,120:134,\"a name, and the post\"\r\n"
                + "\r\n"
                + "08STATE63686,every-text,\"Sturla\nSigurjonsson\",\"he said \"\"no\"\"\nto the press\"\r\n"
                + "08STATE79112,subject,,names the flight\n"
                + "09LONDON2567,paragraph,23,website address", StandardCharsets.UTF_8);

        List<RedactionFile.Row> rows = RedactionFile.read(file);

        assertThat(rows).containsExactly(
                new RedactionFile.Row(2, "09LONDON2567", RedactionRule.text("McEldowney, Nancy"), "source protection"),
                new RedactionFile.Row(3, "08MOSCOW1647", RedactionRule.span(120, 134), "a name, and the post"),
                new RedactionFile.Row(5, "08STATE63686", RedactionRule.everyText("Sturla\nSigurjonsson"),
                        "he said \"no\"\nto the press"),
                new RedactionFile.Row(8, "08STATE79112", RedactionRule.subject(), "names the flight"),
                new RedactionFile.Row(9, "09LONDON2567", RedactionRule.paragraph(23), "website address"));
    }

    @Test
    void theHeaderRowIsOptional() {
        assertThat(RedactionFile.parse("09LONDON2567,text,Julian Miller,why\n", "f.csv"))
                .containsExactly(new RedactionFile.Row(1, "09LONDON2567", RedactionRule.text("Julian Miller"), "why"));
        assertThat(RedactionFile.parse("", "f.csv")).isEmpty();
    }

    @Test
    void theFirstBadRowFailsTheWholeFileWithItsLine() {
        String good = "id,kind,value,reason\n09LONDON2567,text,Julian Miller,why\n";
        assertBad(good + "09LONDON2567,name,Julian,why\n09X,span,5:1,why\n", 3,
                "f.csv line 3: unknown kind \"name\": a redaction is one of text, every-text, paragraph, span, subject");
        assertBad(good + "09LONDON2567,span,10:5,why\n", 3, "f.csv line 3: span 10:5: FROM must be less than TO (the "
                + "span is half-open: FROM is its first character, TO the one after its last), so 10:5 covers nothing");
        assertBad(good + "09LONDON2567,text,Julian Miller,\n", 3,
                "f.csv line 3: the reason is missing: every redaction says why");
        assertBad(good + "09LONDON2567,text,Miller, Julian,why\n", 3,
                "f.csv line 3: 5 columns where 4 are wanted: id,kind,value,reason (quote a value that holds a comma)");
        assertBad(good + "09LONDON2567,text,Julian\n", 3,
                "f.csv line 3: 3 columns where 4 are wanted: id,kind,value,reason (quote a value that holds a comma)");
        assertBad(good + " ,text,Julian,why\n", 3, "f.csv line 3: the id is empty");
        assertBad(good + "09LONDON2567,text,\"Julian\nMiller,why\n09X,text,a,b\n", 3,
                "f.csv line 3: a quote opened on line 3 is never closed");
        assertBad(good + "09LONDON2567,text,\"Julian\" Miller,why\n", 3,
                "f.csv line 3: text after a closing quote on line 3 (a quote inside a quoted field is written twice: \"\")");
        assertBad(good + "09LONDON2567,text,Julian \"J\" Miller,why\n", 3, "f.csv line 3: a quote inside an unquoted "
                + "field on line 3 (quote the whole field and write the quote twice: \"\")");
        // A row after a quoted line break is numbered by the line it starts on.
        assertBad(good + "09A,text,\"two\nlines\",why\n09B,paragraph,0,why\n", 5,
                "f.csv line 5: paragraph 0: paragraphs are numbered from 1");
    }

    private static void assertBad(String text, int line, String message) {
        assertThatThrownBy(() -> RedactionFile.parse(text, "f.csv")).isInstanceOfSatisfying(RedactionFile.BadRow.class,
                e -> assertThat(e.line()).isEqualTo(line)).hasMessage(message);
    }

    @Test
    void bytesThatAreNotUtf8AreABadRowWithLineAndByte(@TempDir Path dir) throws IOException {
        // Found by RedactionFileFuzzTest (its seed not-utf8-crash.csv): Files.readString threw
        // "MalformedInputException: Input length = 1", which named neither the line nor the byte.
        Path file = dir.resolve("batch.csv");
        byte[] latin1 = "id,kind,value,reason\n09LONDON2567,text,Bj\u00f6rn,source\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        assertThatThrownBy(() -> RedactionFile.read(file)).isInstanceOf(RedactionFile.BadRow.class)
                .hasMessage("batch.csv line 2, byte 42: 0xF6 is not UTF-8 text: save the file as UTF-8")
                .extracting(e -> ((RedactionFile.BadRow) e).line()).isEqualTo(2);
    }
}
