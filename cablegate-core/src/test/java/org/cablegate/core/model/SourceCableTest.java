package org.cablegate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceCableTest {
    private static SourceCable withText(String header, String body) {
        return new SourceCable("02ROME1196", LocalDateTime.of(2002, 3, 7, 10, 13), Optional.empty(), "CONFIDENTIAL",
                "Embassy Rome", header, body, SourceFormat.PLAIN_TEXT, "test");
    }

    @Test
    void itsLineEndsAreLineFeedsWhoeverBuildsIt() {
        // The hour of fuzzing built one with a run of carriage returns before a line feed: as given it parsed one
        // way, written as CSV and read back (which normalises) another.
        SourceCable c = withText("R 071013Z MAR 02\r\r\nFM AMEMBASSY ROME", " CONFIDENTIAL\r\r\r\r\nPAGE 05\r\n");
        assertThat(c.header()).isEqualTo("R 071013Z MAR 02\nFM AMEMBASSY ROME");
        assertThat(c.body()).isEqualTo(" CONFIDENTIAL\nPAGE 05\n");
        assertThat(withText("", "a\rb").body()).as("a carriage return alone stays").isEqualTo("a\rb");
    }
}
