package org.cablegate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

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
}
