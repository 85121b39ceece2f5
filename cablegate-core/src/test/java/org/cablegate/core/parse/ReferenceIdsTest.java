package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceIdsTest {
    private final ReferenceIds ids = ReferenceIds.standard();

    @Test
    void keepsWellFormedIds() {
        assertThat(ids.canonical("08MOSCOW1647")).isEqualTo("08MOSCOW1647");
        assertThat(ids.canonical("66BUENOSAIRES2481")).isEqualTo("66BUENOSAIRES2481");
    }

    @Test
    void canonicalisesKnownMalformedIds() {
        assertThat(ids.canonical("08ECTION01OF02MANAMA492")).isEqualTo("08MANAMA492");
        assertThat(ids.canonical("06EFTOBAKU1165")).isEqualTo("06BAKU1165");
        assertThat(ids.canonical("09AMEMBASSYHANOI1284")).isEqualTo("09HANOI1284");
        assertThat(ids.canonical("90STATE255577TOSEC140323")).isEqualTo("90STATE255577");
    }

    @Test
    void canonicalisesTheOtherMalformedFormsOfTheFullIdList() {
        assertThat(ids.canonical("7575LIBREVILLE1895")).isEqualTo("75LIBREVILLE1895");
        assertThat(ids.canonical("06MADRID002583ZFR2585")).isEqualTo("06MADRID2583");
        assertThat(ids.canonical("07OSLO000160ZDK164")).isEqualTo("07OSLO160");
        assertThat(ids.canonical("08ACCRA001382SUSPECTEDDUPLICATE1392")).isEqualTo("08ACCRA1382");
        assertThat(ids.canonical("0901OF02RPODUBAI288")).isEqualTo("09RPODUBAI288");
        assertThat(ids.canonical("08SECTION01GF02BISHIEK21")).isEqualTo("08BISHKEK21");
        assertThat(ids.canonical("09NOFORNMOGADISHU1")).isEqualTo("09MOGADISHU1");
        assertThat(ids.canonical("09SIFIEDABUJA1673")).isEqualTo("09ABUJA1673");
    }

    @Test
    void correctsMisspeltStationsOfPublishedIds() {
        assertThat(ids.canonical("09BAU339")).isEqualTo("09BAKU339");
        assertThat(ids.canonical("08BANGOK1382")).isEqualTo("08BANGKOK1382");
        assertThat(ids.canonical("08AITTAIPIE1698")).isEqualTo("08AITTAIPEI1698");
    }

    @Test
    void leavesIdsItCannotReadAsPublished() {
        assertThat(ids.canonical("06ASTANA")).isEqualTo("06ASTANA");
        assertThat(ids.canonical("092OF5")).isEqualTo("092OF5");
        assertThat(ids.canonical("10AQNA272")).isEqualTo("10AQNA272");
        assertThat(ids.canonical("")).isEqualTo("");
    }

    @Test
    void resolvesPlacesAsRefLinesWriteThem() {
        assertThat(ids.station("LA PAZ")).contains("LAPAZ");
        assertThat(ids.station("Sao Paulo")).contains("SAOPAULO");
        assertThat(ids.station("RIO DE JAN")).contains("RIODEJANEIRO");
        assertThat(ids.station("SECSTATE")).contains("STATE");
        assertThat(ids.station("HCMC")).contains("HOCHIMINHCITY");
        assertThat(ids.station("USUN")).contains("USUNNEWYORK");
        assertThat(ids.station("TELCON")).isEmpty();
        assertThat(ids.station("2008")).isEmpty();
    }

    @Test
    void shipsTheStationList() {
        assertThat(ids.stations()).hasSize(280).contains("BANDARSERIBEGAWAN", "USEUBRUSSELS", "AITTAIPEI", "ROME");
        assertThat(ReferenceIds.fullYear(66)).isEqualTo(1966);
        assertThat(ReferenceIds.fullYear(10)).isEqualTo(2010);
        assertThat(ReferenceIds.id(2008, "MOSCOW", 1234)).isEqualTo("08MOSCOW1234");
        assertThat(ReferenceIds.id(6, "LIMA", 4516)).isEqualTo("06LIMA4516");
    }

    @Test
    void givesShortAndAliasStationNamesTheStationOfTheIds() {
        // Published ids of cable2month.csv: the mission to UNESCO is PARISFR, UNESCOPARIS and UNESCOPARISFR in one
        // serial sequence (09PARISFR1301, 09UNESCOPARISFR1312, 09UNESCOPARIS1536).
        assertThat(ids.canonical("08PARISFR1185")).isEqualTo("08UNESCOPARISFR1185");
        assertThat(ids.canonical("09PARISFR1407")).isEqualTo("09UNESCOPARISFR1407");
        assertThat(ids.canonical("09UNESCOPARIS1536")).isEqualTo("09UNESCOPARISFR1536");
        assertThat(ids.canonical("09UNESCOPARISFR1312")).isEqualTo("09UNESCOPARISFR1312");
        assertThat(ids.canonical("10PARISFR184")).isEqualTo("10UNESCOPARISFR184");
        // Forms of REF lines and later tools, made up on the same stations.
        assertThat(ids.canonical("05RIO123")).isEqualTo("05RIODEJANEIRO123");
        assertThat(ids.canonical("05RIODEJAN123")).isEqualTo("05RIODEJANEIRO123");
        assertThat(ids.canonical("05USUNESCOPARISFR1")).isEqualTo("05UNESCOPARISFR1");
        assertThat(ids.canonical("05UNVIE1")).isEqualTo("05UNVIEVIENNA1");
        assertThat(ids.canonical("06SECSTATE123")).isEqualTo("06STATE123");
        assertThat(ids.canonical("06PORT-OF-SPAIN123")).isEqualTo("06PORTOFSPAIN123");
        assertThat(ids.canonical("07USEU2")).isEqualTo("07USEUBRUSSELS2");
        assertThat(ids.canonical("66USUNNY12")).isEqualTo("66USUNNEWYORK12");
        assertThat(ids.canonical("09MEXICOCITY12")).isEqualTo("09MEXICO12");
        assertThat(ids.canonical("08KUALALUMP1234")).isEqualTo("08KUALALUMPUR1234");
        assertThat(ids.canonical("04VAT123")).isEqualTo("04VATICAN123");
        // Published stations stay as published, old names too.
        assertThat(ids.canonical("06KIEV220")).isEqualTo("06KIEV220");
        assertThat(ids.canonical("05TAIPEI806")).isEqualTo("05TAIPEI806");
        assertThat(ids.canonical("09UNVIEVIENNA218")).isEqualTo("09UNVIEVIENNA218");
    }

    @Test
    void dropsThePrefixOfAPost() {
        // The eleven AMEMBASSYHANOI ids of cable2month.csv.
        for (String serial : List.of("903", "909", "911", "913", "917", "1234", "1246", "1274", "1284", "1290",
                "1292")) {
            assertThat(ids.canonical("09AMEMBASSYHANOI" + serial)).isEqualTo("09HANOI" + serial);
        }
        assertThat(ids.canonical("05EMBASSYVIENNA1")).isEqualTo("05VIENNA1");
        assertThat(ids.canonical("05AMCONSULSAOPAULO335")).isEqualTo("05SAOPAULO335");
        assertThat(ids.canonical("05USMISSIONGENEVA12")).isEqualTo("05GENEVA12");
        assertThat(ids.canonical("05USMISSIONUSNATO12")).isEqualTo("05USNATO12");
        assertThat(ids.canonical("08AITTAIPEI1698")).isEqualTo("08AITTAIPEI1698");
        // In an id the letters after the prefix are the station whatever they are.
        assertThat(ids.canonical("05EMBASSYBLABLA1")).isEqualTo("05BLABLA1");
        // In a REF line they may be any words: EMBASSY EMAIL 18 FEB 2010 (10CAIRO368) names no station.
        assertThat(ids.station("EMBASSY EMAIL")).isEmpty();
        assertThat(ids.station("AMEMBASSY HANOI")).contains("HANOI");
        assertThat(ids.station("USMISSION USUN NEW YORK")).contains("USUNNEWYORK");
    }

    @Test
    void readsAGarbledStationFromTheCablesOwnFmLineOrOrigin() {
        // 08SECTION01GF02BISHIEK21 of the corpus: BISHIEK 00Q021 in the banner, the serial whole in the DE line.
        assertThat(ids.canonical("08SECTION01GF02BISHIEK21", "Embassy Bishkek", "AMEMBASSY BISHKEK",
                "VZCZCXRO9087\nDE RUEHEK #1021/01 2800932\nFM AMEMBASSY BISHKEK\n")).isEqualTo("08BISHKEK1021");
        assertThat(ids.canonical("09SECTION02OF03QRIPOLI583", "Embassy Tripoli", "AMEMBASSY TRIPOLI",
                "DE RUEHTRO #0583/02 2011025\n")).isEqualTo("09TRIPOLI583");
        // 10AQNA272 of the id list: garbled past guessing from the id alone; its origin column says Astana.
        assertThat(ids.canonical("10AQNA272")).isEqualTo("10AQNA272");
        assertThat(ids.canonical("10AQNA272", "Embassy Astana", "", "")).isEqualTo("10ASTANA272");
        assertThat(ids.canonical("10AQNA272", "Embassy Astana", "AMEMBASSY ASTANA", "")).isEqualTo("10ASTANA272");
        // The FM line wins over the misspelling's nearest station: the mission to the EU, not the embassy.
        assertThat(ids.canonical("09BRUSELS1292", "USEU Brussels", "USEU BRUSSELS", "")).isEqualTo(
                "09USEUBRUSSELS1292");
        assertThat(ids.canonical("07QXICO3307", "Embassy Mexico", "AMEMBASSY MEXICO", "")).isEqualTo("07MEXICO3307");
        assertThat(ids.canonical("06ASTANA", "Embassy Astana", "AMEMBASSY ASTANA", "DE RUEHTA #0204/01 0200800\n"))
                .isEqualTo("06ASTANA204");
        // A well-formed id of a station is never second-guessed by its origin (CALCUTTA of Consulate Kolkata).
        assertThat(ids.canonical("06CALCUTTA62", "Consulate Kolkata", "AMCONSUL KOLKATA", "")).isEqualTo(
                "06CALCUTTA62");
        // The origin is asked only without an FM line: one that names no station leaves the id as it is.
        assertThat(ids.canonical("08X1", "Embassy Moscow", "AMEMBASSY X", "")).isEqualTo("08X1");
    }
}
