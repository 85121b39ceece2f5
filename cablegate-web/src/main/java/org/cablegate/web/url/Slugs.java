package org.cablegate.web.url;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The path names of origins and classifications. The 2011 site numbered them ({@code /origin/67_0.html} is Embassy
 * Moscow, {@code /classification/3_0.html} is SECRET); those numbers are kept so that old links still work, and a
 * value the 2011 site did not have gets a slug made from its name, in lower case with hyphens.
 */
public final class Slugs {
    /** The 2011 site's classification numbers, in its order (1 = CONFIDENTIAL … 6 = UNCLASSIFIED//FOUO). */
    private static final List<String> CLASSIFICATIONS_2011 = List.of("CONFIDENTIAL", "CONFIDENTIAL//NOFORN", "SECRET",
            "SECRET//NOFORN", "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY");
    private static final Map<String, String> ORIGINS_2011 = new HashMap<>();

    static {
        for (String line : table("origin-slugs.txt")) {
            int tab = line.indexOf('\t');
            ORIGINS_2011.put(line.substring(tab + 1), line.substring(0, tab));
        }
    }

    private final Map<String, String> slugByValue = new HashMap<>();
    private final Map<String, String> valueBySlug = new HashMap<>();

    private Slugs(Map<String, String> known, Collection<String> values) {
        for (String value : values) {
            String slug = known.get(value);
            if (slug == null) {
                String base = made(value);
                slug = base;
                for (int n = 2; valueBySlug.containsKey(slug); n++) {
                    slug = base + "-" + n;
                }
            }
            slugByValue.put(value, slug);
            valueBySlug.put(slug, value);
        }
    }

    public static Slugs origins(Collection<String> values) {
        return new Slugs(ORIGINS_2011, values.stream().sorted().toList());
    }

    public static Slugs classifications(Collection<String> values) {
        Map<String, String> known = new HashMap<>();
        for (int i = 0; i < CLASSIFICATIONS_2011.size(); i++) {
            known.put(CLASSIFICATIONS_2011.get(i), Integer.toString(i + 1));
        }
        return new Slugs(known, values.stream().sorted().toList());
    }

    /** The slug of a value; a value not yet released gets the slug it will have. */
    public String slug(String value) {
        String slug = slugByValue.get(value);
        return slug != null ? slug : made(value);
    }

    public Optional<String> value(String slug) {
        return Optional.ofNullable(valueBySlug.get(slug));
    }

    private static String made(String value) {
        String s = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        // Never all digits: those are the 2011 numbers.
        return s.isEmpty() || s.chars().allMatch(Character::isDigit) ? "x-" + s : s;
    }

    /** The lines of a table shipped beside this class: {@code number<TAB>origin}; {@code #} starts a comment. */
    private static List<String> table(String name) {
        try (InputStream in = Slugs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
