package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Random;
import org.cablegate.core.model.Cable;
import org.cablegate.core.model.Paragraph;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.model.SourceFormat;
import org.junit.jupiter.api.Test;

/** The whole parser on small bodies made of lines of real cables. */
class CableParserTest {
    private final CableParser parser = new CableParser();

    private Cable parse(String id, String header, String body) {
        return parser.parse(new SourceCable(id, LocalDateTime.of(2008, 6, 10, 11, 11), Optional.empty(), "SECRET",
                "Embassy Moscow", header, body, SourceFormat.PLAIN_TEXT, "test"));
    }

    @Test
    void readsASummaryWithoutHeadingUpToItsEnd() {
        // 04MADRID527: the first paragraph ends with "End Summary", no heading opens it.
        Cable c = parse("04MADRID527", "", "SUBJECT: POLLS\n\n1. (C) Polls one month before the election continue to"
                + " point to victory. It is Rajoy's race to\nlose. End\nSummary.\n\n2. (C) The campaign opened.\n");
        assertThat(c.summary()).isEqualTo("Polls one month before the election continue to point to victory. It is"
                + " Rajoy's race to lose.");
    }

    @Test
    void readsTheWaysASummaryOpens() {
        assertThat(parse("09LONDON333", "", "SUBJECT: AVIATION\n\n1. (SBU) Summary/Comment: The UK will present a"
                + " draft. End Summary/Comment.\n\n2. (SBU) More.\n").summary()).isEqualTo("The UK will present a draft.");
        assertThat(parse("04COLOMBO1857", "", "SUBJECT: VISIT\n\n------- SUMMARY -------\n\n1. (C) The visit yielded"
                + " loans.\n\n2. (C) More.\n").summary()).isEqualTo("The visit yielded loans.");
        // 06PARIS7424: a heading over a rule, then the keyword once more in the paragraph.
        assertThat(parse("06PARIS7424", "", "SUBJECT: ROYAL\n\nSUMMARY\n-------\n1. (C) SUMMARY: Royal won. End"
                + " summary.\n\n2. (C) More.\n").summary()).isEqualTo("Royal won.");
    }

    @Test
    void findsParagraphsRunTogetherOnOneLine() {
        // 08MOSCOW1647 paragraphs 11-12 and 23-25.
        Cable c = parse("08MOSCOW1647", "", "SUBJECT: SCENESETTER\n\n11.(SBU) Expanded \"Operation Channel\": It is"
                + " unclear what is meant by this. A multi-national effort will be required. 12, (C) Equipment and"
                + " Paramilitary Training: The Federal Service has expressed interest.\n\n23. (C) One of the major"
                + " success areas has been in the WMD arena. 24. (C) GICNT and CTR: The Initiative now has over 70"
                + " Members. 25. (C) Bioterrorism: Despite some recent advances, the scope is not clear.\n");
        assertThat(c.paragraphs()).extracting(Paragraph::number).containsExactly(11, 12, 23, 24, 25);
        assertThat(c.paragraphs()).extracting(Paragraph::marking).containsExactly("SBU", "C", "C", "C", "C");
        assertThat(c.paragraphs().get(1).text())
                .isEqualTo("Equipment and Paramilitary Training: The Federal Service has expressed interest.");
        assertThat(c.paragraphs().get(0).text()).isEqualTo("Expanded \"Operation Channel\": It is unclear what is meant"
                + " by this. A multi-national effort will be required.");
    }

    @Test
    void readsEveryFormOfParagraphStart() {
        Cable c = parse("08X1", "", "SUBJECT: X\n\n1.(C) One.\n\n\u00b62. (S/NF) Two.\n\n3. (C - ENTIRE TEXT). Three.\n\n"
                + "4. CONFIDENTIAL - ENTIRE TEXT. Four.\n\n5.The five.\n\n6. (S//NF) Six.\n");
        assertThat(c.paragraphs()).extracting(Paragraph::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(c.paragraphs()).extracting(Paragraph::marking).containsExactly("C", "S/NF", "C", "C", "", "S//NF");
        assertThat(c.paragraphs()).extracting(Paragraph::text)
                .containsExactly("One.", "Two.", ". Three.", "Four.", "The five.", "Six.");
        assertThat(c.paragraphs().get(1).offset()).isEqualTo(c.bodyText().indexOf("2. (S/NF)"));
    }

    @Test
    void doesNotTakeADateAtALineStartForAParagraph() {
        // 06REYKJAVIK150: "... session April\n27. He said ..."
        Cable c = parse("06REYKJAVIK150", "", "SUBJECT: X\n\n3. (C) Ambassador Jonsson commented in a session April\n"
                + "27.  He said that his side was disappointed.\n\n4. (C) Next.\n");
        assertThat(c.paragraphs()).extracting(Paragraph::number).containsExactly(3, 4);
        assertThat(c.paragraphs().get(0).text())
                .isEqualTo("Ambassador Jonsson commented in a session April 27. He said that his side was disappointed.");
    }

    @Test
    void readsThePreambleSummaryCommentAndSigner() {
        String body = "S E C R E T MOSCOW 001647 \n \nSIPDIS \n \nFOR UNDERSECRETARY BURNS \n \n"
                + "E.O. 12958: DECL: 06/04/2018 \nTAGS: PREL PTER PINR MARR ECON RS\n"
                + "SUBJECT: SCENESETTER FOR COUNTERTERRORISM WORKING \nGROUP \n \nREF: A. MOSCOW 1234 \n\n"
                + "     B. 07 STATE 5678 \n \nClassified By: Charge d'Affaires Daniel A. Russell. Reasons 1.4(b) and (d)\n\n"
                + "1.(C) Summary. Embassy Moscow warmly welcomes you. End summary.\n\nCore Group Issues -----------------\n\n"
                + "2. (C) The Core Group dinner.\n\nComment -------\n\n3. (C) The scope is significant.\n\nBEYRLE\n";
        Cable c = parse("08MOSCOW1647", "", body);
        assertThat(c.tags()).containsExactly("PREL", "PTER", "PINR", "MARR", "ECON", "RS");
        assertThat(c.subject()).isEqualTo("SCENESETTER FOR COUNTERTERRORISM WORKING GROUP");
        assertThat(c.references()).extracting(r -> r.bullet() + "=" + r.id()).containsExactly("A=08MOSCOW1234",
                "B=07STATE5678");
        assertThat(c.declassify()).contains(java.time.LocalDate.of(2018, 6, 4));
        assertThat(c.classifiedBy()).isEqualTo("Charge d'Affaires Daniel A. Russell");
        assertThat(c.reasons()).containsExactly("1.4(b)", "1.4(d)");
        assertThat(c.paragraphs()).extracting(Paragraph::text).containsExactly(
                "Summary. Embassy Moscow warmly welcomes you. End summary.", "The Core Group dinner.",
                "The scope is significant.");
        assertThat(c.summary()).isEqualTo("Embassy Moscow warmly welcomes you.");
        assertThat(c.comment()).isEqualTo("The scope is significant.");
        assertThat(c.signer()).isEqualTo("BEYRLE");
        assertThat(c.issues()).isEmpty();
    }

    @Test
    void findsTheSignerAtTheEndOfAReflowedLine() {
        Cable c = parse("10ZAGREB53", "", "SUBJECT: X\n\n1. (C) Al Capone was brought down for tax evasion. FOLEY\n");
        assertThat(c.signer()).isEqualTo("FOLEY");
        assertThat(c.paragraphs().get(0).text()).isEqualTo("Al Capone was brought down for tax evasion.");
    }

    @Test
    void recordsTheCanonicalIdOfAMalformedId() {
        Cable c = parse("08ECTION01OF02MANAMA492", "", "SUBJECT: X\n");
        assertThat(c.canonicalId()).isEqualTo("08MANAMA492");
        assertThat(c.issues()).contains(new ParseIssue(ParseIssue.Kind.ID,
                "malformed id 08ECTION01OF02MANAMA492 read as 08MANAMA492", -1));
    }

    @Test
    void recordsWhatIsMissing() {
        Cable c = parse("08X1", "FM AMEMBASSY X\n", "Nothing here.");
        assertThat(c.issues()).extracting(ParseIssue::message).containsExactly(
                "no date-time group line (like O 101120Z JUN 08)", "no TAGS line", "no SUBJECT line");
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabc0123456789 .,:;()/-\n\n\t\u00b6\"'#=*REF:TAGS:SUBJECT:1. (C)"
                + "E.O. 12958Classified By 1.4(b)";
        for (int n = 0; n < 3000; n++) {
            StringBuilder header = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 5000 : 300);
            for (int i = 0; i < length; i++) {
                body.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
                if (i % 3 == 0) {
                    header.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String id = random.nextBoolean() ? "08MOSCOW" + n : body.substring(0, Math.min(12, body.length()));
            Cable c = parse(id, header.toString(), body.toString());
            assertThat(c.issues()).noneMatch(i -> i.message().startsWith("parser failed"));
            assertThat(c.issues().size()).isLessThanOrEqualTo(Issues.MAX);
        }
        for (String odd : new String[] {"", "\n", "1.", "1. (", "REF:", "TAGS:", "SUBJECT:", "(", "¶", "12, (C)",
                "E.O. 12958: DECL: 99/99/99", "Classified By:", "REF: A. B. C.", "TAGS: ((((", "0.", "999. (C) x"}) {
            Cable c = parse("08X1", odd, odd);
            assertThat(c.issues()).noneMatch(i -> i.message().startsWith("parser failed"));
        }
    }
}
