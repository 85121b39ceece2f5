package org.cablegate.web.site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a TAGS code is and, for the common ones, what it means. TAGS mix five vocabularies on one line: subjects
 * ({@code PREL}), two-letter countries ({@code RS}), programmes ({@code K…}: {@code KDEM}), organisations
 * ({@code NATO}) and, for visits and biographies, people ({@code SARKOZY, NICOLAS}).
 */
public final class TagGlossary {
    /** The vocabulary a tag belongs to, as a tag page names it. */
    public enum Kind {
        SUBJECT("subject"), COUNTRY("country"), PROGRAMME("programme"), ORGANISATION("organisation"),
        PERSON("person"), OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Set<String> subjects;
    private final Set<String> organisations;
    private final Map<String, String> meanings = new HashMap<>();

    private TagGlossary() {
        subjects = new HashSet<>(Resources.lines("subject-tags.txt"));
        organisations = new HashSet<>(Resources.lines("organization-tags.txt"));
        for (String line : Resources.lines("tag-meanings.txt")) {
            int tab = line.indexOf('\t');
            meanings.put(line.substring(0, tab), line.substring(tab + 1));
        }
    }

    public static TagGlossary standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final TagGlossary STANDARD = new TagGlossary();
    }

    public Kind kind(String tag) {
        if (subjects.contains(tag)) {
            return Kind.SUBJECT;
        }
        if (tag.length() == 2 && Character.isLetter(tag.charAt(0)) && Character.isLetter(tag.charAt(1))) {
            return Kind.COUNTRY;
        }
        if (tag.length() == 4 && tag.charAt(0) == 'K' && tag.chars().allMatch(Character::isUpperCase)) {
            return Kind.PROGRAMME;
        }
        if (organisations.contains(tag)) {
            return Kind.ORGANISATION;
        }
        // People are tagged by name, "SARKOZY, NICOLAS": a comma or a space marks a name, codes have neither.
        if (tag.indexOf(',') > 0 || tag.indexOf(' ') > 0) {
            return Kind.PERSON;
        }
        return Kind.OTHER;
    }

    public Optional<String> meaning(String tag) {
        return Optional.ofNullable(meanings.get(tag));
    }
}
