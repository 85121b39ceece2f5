package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cablegate.core.model.Header;
import org.cablegate.core.model.ParseIssue;
import org.cablegate.core.model.Recipient;
import org.cablegate.core.model.Reference;
import org.junit.jupiter.api.Test;

/** The section parsers one by one, on lines taken from real cables. */
class SectionParsersTest {
    private final ReferenceIds ids = ReferenceIds.standard();
    private final Issues issues = new Issues();

    @Test
    void splitsGluedTags() {
        TagsParser.Result r = TagsParser.parse(" ETRDEINVECINPGOVCS", 0, issues);
        assertThat(r.asWritten()).containsExactly("ETRDEINVECINPGOVCS");
        assertThat(r.fixed()).containsExactly("ETRD", "EINV", "ECIN", "PGOV", "CS");
        assertThat(TagsParser.parse("KCRM KWMN ASEC PHUMBA", 0, issues).fixed())
                .containsExactly("KCRM", "KWMN", "ASEC", "PHUM", "BA");
        assertThat(issues.list()).extracting(ParseIssue::message)
                .contains("glued tags ETRDEINVECINPGOVCS read as ETRD EINV ECIN PGOV CS");
    }

    @Test
    void fixesMisspeltTagsAndTheOldCodeOfRussia() {
        TagsParser.Result r = TagsParser.parse("POGOV PREL RU", 0, issues);
        assertThat(r.asWritten()).containsExactly("POGOV", "PREL", "RU");
        assertThat(r.fixed()).containsExactly("PGOV", "PREL", "RS");
    }

    @Test
    void readsCommaSeparatedTagsAndPersonTags() {
        TagsParser.Result r = TagsParser.parse(" OVIP (CLINTON, HILLARY), PREL, AS, PK, ", 0, issues);
        assertThat(r.asWritten()).containsExactly("OVIP", "CLINTON, HILLARY", "PREL", "AS", "PK");
        assertThat(TagsParser.parse("UNGA UNGA UNGA LY", 0, issues).fixed()).containsExactly("UNGA", "LY");
        assertThat(TagsParser.parse("GAZA", 0, issues).fixed()).containsExactly("GAZA");
        // Words are not split into a country and an organisation (CO + UNTER): no four-letter tag among the parts.
        assertThat(TagsParser.parse("YM COUNTER TERRORISM", 0, issues).fixed())
                .containsExactly("YM", "COUNTER", "TERRORISM");
        assertThat(TagsParser.parse("KNNPMNUC", 0, issues).fixed()).containsExactly("KNNP", "MNUC");
    }

    @Test
    void keepsTheMarkingOfASubjectAsWritten() {
        // The 2011 site's titles carry it too (04TRIPOLI31).
        assertThat(SubjectParser.parse(" (C) CHIRAC VISIT TO LIBYA MODESTLY SUCCESSFUL, BUT NOT \nHAPPY "))
                .isEqualTo("(C) CHIRAC VISIT TO LIBYA MODESTLY SUCCESSFUL, BUT NOT HAPPY");
        assertThat(SubjectParser.parse(" DEADLY DRIVING HABITS: ACCIDENTS THIRD CAUSE OF DEATH IN LIBYA TRIPOLI 00000939"
                + " 001.2 OF 003 CLASSIFIED ")).isEqualTo("DEADLY DRIVING HABITS: ACCIDENTS THIRD CAUSE OF DEATH IN LIBYA");
    }

    @Test
    void resolvesReferenceWithMultiWordPlace() {
        List<Reference> refs = ReferenceParser.parse("A. LA PAZ 00691 \n\n\u00b6B. RIO DE JAN 600 \nC. Sao Paulo 215",
                2006, ids, 0, issues);
        assertThat(refs).containsExactly(new Reference("A", "06LAPAZ691", "LA PAZ 00691"),
                new Reference("B", "06RIODEJANEIRO600", "RIO DE JAN 600"),
                new Reference("C", "06SAOPAULO215", "Sao Paulo 215"));
    }

    @Test
    void resolvesReferenceYearsAndAliases() {
        List<Reference> refs = ReferenceParser.parse("(A) 08 MOSCOW 1234 (B) SECSTATE 56789 (C) 2007 HCMC 12 "
                + "(D) LIMA 4516 (06)", 2009, ids, 0, issues);
        assertThat(refs).extracting(Reference::bullet).containsExactly("A", "B", "C", "D");
        assertThat(refs).extracting(Reference::id)
                .containsExactly("08MOSCOW1234", "09STATE56789", "07HOCHIMINHCITY12", "06LIMA4516");
    }

    @Test
    void readsTwoReferencesJoinedByAnd() {
        List<Reference> refs = ReferenceParser.parse("A) 09 USUN 12 AND 13 B) TELCON 5/4/09", 2009, ids, 0, issues);
        assertThat(refs).containsExactly(new Reference("A", "09USUNNEWYORK12", "09 USUN 12 AND 13"),
                new Reference("A", "09USUNNEWYORK13", "09 USUN 12 AND 13"),
                new Reference("B", "", "TELCON 5/4/09"));
    }

    @Test
    void keepsEmailsAndMeetingsAsReferencesWithoutId() {
        List<Reference> refs = ReferenceParser.parse("NUEVO LAREDO 31; GRUBB/SCHOFER EMAILS TO WASHINGTON", 2010, ids,
                0, issues);
        assertThat(refs).containsExactly(new Reference("", "10NUEVOLAREDO31", "NUEVO LAREDO 31"),
                new Reference("", "", "GRUBB/SCHOFER EMAILS TO WASHINGTON"));
    }

    @Test
    void readsADoubledBulletAsOne() {
        assertThat(ReferenceParser.parse("A. A) STATE 144222", 2005, ids, 0, issues))
                .containsExactly(new Reference("A", "05STATE144222", "STATE 144222"));
    }

    @Test
    void readsBulletsGluedToTheStationAndLettersTypedTwice() {
        // 07STATE152317, 07REYKJAVIK256, 04BRASILIA1450, 06BOGOTA9120
        assertThat(ReferenceParser.parse("(A)STATE 071143, (B)STATE 073601, (C)STATE 72896, (D)BEIJING \n5361, (E) STATE"
                + " 148514", 2007, ids, 0, issues)).extracting(Reference::bullet, Reference::id).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "07STATE71143"),
                        org.assertj.core.groups.Tuple.tuple("B", "07STATE73601"),
                        org.assertj.core.groups.Tuple.tuple("C", "07STATE72896"),
                        org.assertj.core.groups.Tuple.tuple("D", "07BEIJING5361"),
                        org.assertj.core.groups.Tuple.tuple("E", "07STATE148514"));
        assertThat(ReferenceParser.parse("(A)STATE 118258, (B)STATE 146306, (B)STATE 178055", 2007, ids, 0, issues))
                .extracting(Reference::id).containsExactly("07STATE118258", "07STATE146306", "07STATE178055");
        assertThat(ReferenceParser.parse("A)Brasilia 1073 B)Brasilia 011", 2004, ids, 0, issues))
                .extracting(Reference::id).containsExactly("04BRASILIA1073", "04BRASILIA11");
        assertThat(ReferenceParser.parse("A. A.BOGOTA 5486 \n\n \u00b6B. B.BOGOTA 7731", 2006, ids, 0, issues))
                .containsExactly(new Reference("A", "06BOGOTA5486", "BOGOTA 5486"),
                        new Reference("B", "06BOGOTA7731", "BOGOTA 7731"));
        // U.S. and E.O. stay words.
        assertThat(ReferenceParser.parse("U.S.-EU TALKS OF 3/4", 2006, ids, 0, issues))
                .containsExactly(new Reference("", "", "U.S.-EU TALKS OF 3/4"));
    }

    @Test
    void skipsPageHeadersAndSectionMarkersInsideTheList() {
        // 02ROME1196: the list goes on after the page header.
        assertThat(ReferenceParser.parse("A. STATE 40721\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME"
                + " 1098  C. ROME 894", 2002, ids, 0, issues)).containsExactly(
                        new Reference("A", "02STATE40721", "STATE 40721"), new Reference("B", "02ROME1098", "ROME 1098"),
                        new Reference("C", "02ROME894", "ROME 894"));
        // 05NEWDELHI9127: the page's section marker is no citation.
        assertThat(ReferenceParser.parse("STATE 211901 \nNEW DELHI 00009127  001.2 OF 006", 2005, ids, 0, issues))
                .containsExactly(new Reference("", "05STATE211901", "STATE 211901"));
    }

    @Test
    void readsSerialListsCountryCodesGluedPlacesAndLongSerials() {
        assertThat(ReferenceParser.citations("TRIPOLI 33, 53", 2006, ids)).containsExactly("06TRIPOLI33", "06TRIPOLI53");
        assertThat(ReferenceParser.citations("STATE 12, 13 AND 14", 2006, ids))
                .containsExactly("06STATE12", "06STATE13", "06STATE14");
        // A year after the comma opens the next citation (05VATICAN514).
        assertThat(ReferenceParser.citations("05 ROME 2543, 03 ROME 4859", 2005, ids))
                .containsExactly("05ROME2543", "03ROME4859");
        assertThat(ReferenceParser.citations("MADRID SP 0307", 2005, ids)).containsExactly("05MADRID307");
        assertThat(ReferenceParser.citations("BEIJING5237", 2008, ids)).containsExactly("08BEIJING5237");
        assertThat(ReferenceParser.citations("RECIFE 00000074", 2005, ids)).containsExactly("05RECIFE74");
        assertThat(ReferenceParser.citations("2009 CAIRO 2394", 2010, ids)).containsExactly("09CAIRO2394");
        assertThat(ReferenceParser.citations("08 RIO DE JAN 138", 2009, ids)).containsExactly("08RIODEJANEIRO138");
        assertThat(ReferenceParser.citations("HK 03591", 2009, ids)).containsExactly("09HONGKONG3591");
    }

    @Test
    void endsASubjectWhereTheNextFieldRanIntoIt() {
        assertThat(SubjectParser.parse(" SCENESETTER FOR AMBASSADOR CROCKER\u2019S VISIT TO CAIROClassified By: DEPUTY CHIEF"))
                .isEqualTo("SCENESETTER FOR AMBASSADOR CROCKER\u2019S VISIT TO CAIRO");
        assertThat(SubjectParser.parse(" Ex-Governor Can Still Beat Lula SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT"))
                .isEqualTo("Ex-Governor Can Still Beat Lula");
        assertThat(SubjectParser.parse(" AID REQUEST This is an action request. Please")).isEqualTo("AID REQUEST");
        assertThat(SubjectParser.parse(" EGYPT'S 54th BIRD FLU VICTIM, 1st FROM SUEZ REF 09 CAIRO 0173"))
                .isEqualTo("EGYPT'S 54th BIRD FLU VICTIM, 1st FROM SUEZ");
        assertThat(SubjectParser.parse(" MEETS WITH ZIMBABWE CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z\n"
                + "OPPOSITION LEADER")).isEqualTo("MEETS WITH ZIMBABWE OPPOSITION LEADER");
    }

    @Test
    void joinsBackslashContinuationsAndDecodesEntities() {
        assertThat(SubjectParser.parse(" LITTLE PROGRESS AND MUCH CONFUSION AND FRUSTRATION \\\nLEAD TO ADJOURNMENT \\\n \\\n"
                + "REF: A) GENEVA 1")).isEqualTo("LITTLE PROGRESS AND MUCH CONFUSION AND FRUSTRATION LEAD TO ADJOURNMENT");
        assertThat(SubjectParser.parse(" CROCKER&#8217;S VISIT &amp; MORE")).isEqualTo("CROCKER\u2019S VISIT & MORE");
    }

    @Test
    void readsPersonTagsWithoutBrackets() {
        TagsParser.Result r = TagsParser.parse(" OVIP CLINTON HILLARY PREL SNAR MX", 0, issues);
        assertThat(r.asWritten()).containsExactly("OVIP", "CLINTON", "HILLARY", "PREL", "SNAR", "MX");
        assertThat(r.fixed()).containsExactly("OVIP", "CLINTON, HILLARY", "PREL", "SNAR", "MX");
        // One word after OVIP is no person of two: OVIP WWARD (09TRIPOLI201).
        assertThat(TagsParser.parse("OVIP WWARD PREL PGOV", 0, issues).fixed())
                .containsExactly("OVIP", "WWARD", "PREL", "PGOV");
        assertThat(TagsParser.parse("ovip (steinberg, james b.) prel", 0, issues).fixed())
                .containsExactly("OVIP", "STEINBERG, JAMES B.", "PREL");
    }

    @Test
    void readsClassifiedByDoubledWrappedOrNamingNoOne() {
        assertThat(ClassifiedByParser.parse(" Classified by Political Officer Ricardo Zuniga; reasons\n1.4 (B) and (D)", 0,
                issues).by()).isEqualTo("Political Officer Ricardo Zuniga");
        assertThat(ClassifiedByParser.parse(" CHARGE D'AFFAIR\nS ROBERT LUKE FOR REASONS 1.4 (B) AND (D).", 0, issues))
                .isEqualTo(new ClassifiedByParser.Result("CHARGE D'AFFAIRS ROBERT LUKE", List.of("1.4(b)", "1.4(d)")));
        assertThat(ClassifiedByParser.parse(" CHARGE D'AFFAIRES DANNY R. RUSSEL FOR REAS\nONS 1.5 (B) AND (D)", 0, issues)
                .by()).isEqualTo("CHARGE D'AFFAIRES DANNY R. RUSSEL");
        assertThat(ClassifiedByParser.parse(" SECTION 1.5 (B) AND (D).", 9, issues))
                .isEqualTo(new ClassifiedByParser.Result("", List.of("1.5(b)", "1.5(d)")));
        assertThat(issues.list()).contains(new ParseIssue(ParseIssue.Kind.CLASSIFIED_BY,
                "Classified By names no one: SECTION 1.5 (B) AND (D).", 9));
    }

    @Test
    void skipsPageHeadersInRecipientListsAndReadsXmtAsTheCollectivesExclusions() {
        // 09STATE15113, 08STATE116943
        Header h = HeaderParser.parse("P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   015113  182333Z \n"
                + "ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\nAMEMBASSY TRIPOLI PRIORITY\nINFO AMCONSUL CASABLANCA PRIORITY\n"
                + "XMT AMCONSUL JOHANNESBURG\nAMCONSUL JOHANNESBURG\n", issues).header();
        assertThat(h.to()).containsExactly(
                new Recipient("", "ALL DIPLOMATIC POSTS COLLECTIVE", "PRIORITY", "", List.of("AMCONSUL JOHANNESBURG")),
                new Recipient("", "AMEMBASSY TRIPOLI", "PRIORITY", ""));
        assertThat(h.info()).containsExactly(new Recipient("", "AMCONSUL CASABLANCA", "PRIORITY", ""));
    }

    @Test
    void readsDeclassificationDates() {
        assertThat(EoLineParser.parse(" DECL: 06/04/2018 ", 0, issues)).contains(LocalDate.of(2018, 6, 4));
        assertThat(EoLineParser.parse(" DECL: 6/4/18", 0, issues)).contains(LocalDate.of(2018, 6, 4));
        assertThat(EoLineParser.parse(" DECL: 2020/02/24", 0, issues)).contains(LocalDate.of(2020, 2, 24));
        assertThat(EoLineParser.parse(" DECL: DECLASSIFIED BY NARA 09/02/2009", 0, issues))
                .contains(LocalDate.of(2009, 9, 2));
        assertThat(EoLineParser.parse(" GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", 0, issues))
                .contains(LocalDate.of(1985, 8, 12));
        assertThat(EoLineParser.parse(" N/A ", 0, issues)).isEmpty();
        assertThat(issues.list()).isEmpty();
        assertThat(EoLineParser.parse(" DECL: TWENTY YEARS", 7, issues)).isEmpty();
        assertThat(issues.list()).containsExactly(new ParseIssue(ParseIssue.Kind.DECLASSIFICATION,
                "no declassification date in the E.O. line: DECL: TWENTY YEARS", 7));
    }

    @Test
    void readsClassifiedByAndReasons() {
        ClassifiedByParser.Result r = ClassifiedByParser.parse(
                " Charge d'Affaires Daniel A. Russell. Reasons 1.4(b) and (d)", 0, issues);
        assertThat(r.by()).isEqualTo("Charge d'Affaires Daniel A. Russell");
        assertThat(r.reasons()).containsExactly("1.4(b)", "1.4(d)");
        r = ClassifiedByParser.parse(" AMB:WBWOOD for Reasons 1.4 (b)+(e) ", 0, issues);
        assertThat(r.by()).isEqualTo("AMB:WBWOOD");
        assertThat(r.reasons()).containsExactly("1.4(b)", "1.4(e)");
        r = ClassifiedByParser.parse(" POL MINCOUNS THOMAS COUNTRYMAN, REASONS 1.5 (B) AND (D).", 0, issues);
        assertThat(r.by()).isEqualTo("POL MINCOUNS THOMAS COUNTRYMAN");
        assertThat(r.reasons()).containsExactly("1.5(b)", "1.5(d)");
        assertThat(ClassifiedByParser.parse(" Ambassador David Mulford for Reasons 1.4 (B, D)", 0, issues).reasons())
                .containsExactly("1.4(b)", "1.4(d)");
    }

    @Test
    void readsRecipientsAcrossPageBreaksAndXmtLines() {
        String header = "VZCZCXRO1331\nPP RUEHDBU RUEHFL\nDE RUEHMO #1442/01 0920750\nZNY CCCCC ZZH\n"
                + "P 020750Z APR 07\nFM AMEMBASSY MOSCOW\nTORUEHC/SECSTATE WASHDC PIORITY 8840\n"
                + "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\nPAGE 02 MOSCOW 01442 020750Z\n"
                + "XMT AMCONSUL VLADIVOSTOK\n     RUEKJCS/SECDEF WASHDC IMMEDIATE\n";
        HeaderParser.Result r = HeaderParser.parse(header, issues);
        Header h = r.header();
        assertThat(h.transmissionId()).isEqualTo("VZCZCXRO1331");
        assertThat(h.precedence()).isEqualTo("P");
        assertThat(h.dtg()).isEqualTo("020750Z APR 07");
        assertThat(h.from()).isEqualTo("AMEMBASSY MOSCOW");
        assertThat(h.to()).containsExactly(new Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "8840"));
        // XMT names the posts left out of the collective above it; a routed line after it is an addressee again.
        assertThat(h.info()).containsExactly(new Recipient("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE", "PRIORITY", "",
                List.of("AMCONSUL VLADIVOSTOK")), new Recipient("RUEKJCS", "SECDEF WASHDC", "IMMEDIATE", ""));
        assertThat(r.partial()).isFalse();
        assertThat(issues.list()).isEmpty();
    }

    @Test
    void readsOldHeadersWithoutRoutingIndicators() {
        HeaderParser.Result r = HeaderParser.parse("P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n"
                + "TO SECSTATE WASHDC PRIORITY\nINFO USCINCSO\nAMEMBASSY RIO DE JANEIRO", issues);
        assertThat(r.header().precedence()).isEqualTo("P");
        assertThat(r.header().dtg()).isEqualTo("281848Z DEC 66");
        assertThat(r.header().to()).containsExactly(new Recipient("", "SECSTATE WASHDC", "PRIORITY", ""));
        assertThat(r.header().info()).extracting(Recipient::name).containsExactly("USCINCSO", "AMEMBASSY RIO DE JANEIRO");
    }

    @Test
    void readsAPartialExtractHeader() {
        HeaderParser.Result r = HeaderParser.parse("This record is a partial extract of the original cable. The full text"
                + " of the original cable is not available.\n", issues);
        assertThat(r.partial()).isTrue();
        assertThat(r.header()).isEqualTo(Header.EMPTY);
        assertThat(issues.list()).isEmpty();
    }
}
