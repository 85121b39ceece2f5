package org.cablegate.app.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cablegate.sample.BundledSample;
import org.cablegate.core.ids.IdMonth;
import org.cablegate.core.ids.IdMonthFile;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.read.CableSink;
import org.cablegate.core.read.Rejection;
import org.cablegate.core.read.Sources;
import org.cablegate.core.write.CablesCsvWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
    private static List<SourceCable> seedCables;
    private static List<IdMonth> ids;

    @BeforeAll
    static void readSample() throws Exception {
        seedCables = read(BundledSample.CABLES_CSV.path(), new ArrayList<>());
        List<IdMonth> all = new ArrayList<>();
        IdMonthFile.read(BundledSample.ALL_IDS.path(), all::add);
        ids = all.subList(0, 3000).stream().toList();
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws Exception {
        assertThat(generate(7)).isEqualTo(generate(7)).isNotEqualTo(generate(8));
    }

    @Test
    void writesOneReadableCablePerIdWithItsMonth(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("generated.csv");
        Files.writeString(csv, generate(2010));
        List<Rejection> rejected = new ArrayList<>();
        List<SourceCable> read = read(csv, rejected);

        assertThat(rejected).isEmpty();
        assertThat(read).extracting(SourceCable::id).containsExactlyElementsOf(ids.stream().map(IdMonth::id).toList());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).created().getYear()).isEqualTo(ids.get(i).month().getYear());
            assertThat(read.get(i).created().getMonth()).isEqualTo(ids.get(i).month().getMonth());
        }
    }

    @Test
    void followsTheFullSetsClassificationsAndAverageLength(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("generated.csv");
        Files.writeString(csv, generate(2010));
        List<SourceCable> read = read(csv, new ArrayList<>());
        Map<String, Integer> counts = new HashMap<>();
        long chars = 0;
        for (SourceCable c : read) {
            counts.merge(c.classification(), 1, Integer::sum);
            chars += c.header().length() + c.body().length();
        }
        int total = CorpusGenerator.FULL_SET_CLASSIFICATIONS.values().stream().mapToInt(Integer::intValue).sum();
        CorpusGenerator.FULL_SET_CLASSIFICATIONS.forEach((classification, n) -> assertThat(
                counts.getOrDefault(classification, 0) / (double) read.size())
                .as(classification).isCloseTo(n / (double) total, offset(0.03)));
        assertThat(chars / (double) read.size()).isBetween(CorpusGenerator.TARGET_MEAN_LENGTH * 0.85,
                CorpusGenerator.TARGET_MEAN_LENGTH * 1.15);
    }

    @Test
    void takesAnEvenlySpreadSampleOfTheIds() {
        List<IdMonth> chosen = CorpusGenerator.evenlySpaced(ids, 10);
        assertThat(chosen).hasSize(10).first().isEqualTo(ids.get(0));
        assertThat(chosen.get(5)).isEqualTo(ids.get(1500));
    }

    private static String generate(long seed) throws Exception {
        StringWriter out = new StringWriter();
        try (CablesCsvWriter writer = new CablesCsvWriter(out)) {
            new CorpusGenerator(seedCables, seed).generate(ids, writer);
        }
        return out.toString();
    }

    private static List<SourceCable> read(Path path, List<Rejection> rejected) throws Exception {
        List<SourceCable> cables = new ArrayList<>();
        Sources.read(path, new CableSink() {
            @Override
            public void accept(SourceCable cable) {
                cables.add(cable);
            }

            @Override
            public void reject(Rejection rejection) {
                rejected.add(rejection);
            }
        });
        return cables;
    }
}
