package org.cablegate.archive.release;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cablegate.archive.index.PublicCable;
import org.cablegate.archive.index.PublicVersion;
import org.cablegate.archive.vault.PublicChange;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.ReleaseItem;
import org.cablegate.archive.vault.Vault;
import org.cablegate.archive.vault.VersionRecord;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.parse.CableParser;
import org.cablegate.core.parse.ReferenceIds;
import org.cablegate.core.redact.Redacted;
import org.cablegate.core.redact.RedactionRule;
import org.cablegate.core.redact.Redactor;

/**
 * Builds the public record of a cable: the vault's text with every redaction in force replaced by the site's mark,
 * parsed again, so that no field derived from the text (subject, summary, signer, addressees, REF text, cited ids)
 * keeps a redacted word; and its public history, each earlier version's text redacted the same way.
 *
 * <p>A cable without redactions and without history (the first release of nearly every cable) takes the parse the
 * vault made of the same text at import: the same parser on the same text gives the same fields, and a release of
 * the whole set need not parse 251,287 cables again.
 *
 * <p>Runs on the releaser's reading thread, which is the vault's thread.
 */
final class PublicRecords {
    private final Vault vault;
    /** The parser the importer uses, with the vault's ids: made on the first cable that must be parsed again. */
    private CableParser parser;
    private Redactor redactor;
    private final List<String> warnings = new ArrayList<>();

    PublicRecords(Vault vault) {
        this.vault = vault;
    }

    /**
     * The parser of the import, with the whole set's ids the vault holds, so that a cable parsed again cites the
     * same ids as its parse at import.
     */
    private CableParser parser() throws IOException {
        if (parser == null) {
            parser = new CableParser(ReferenceIds.standard().withKnownIds(vault.knownIds()));
            redactor = new Redactor(parser);
        }
        return parser;
    }

    /** Redactions that matched nothing in the text they were applied to, since the last call. */
    List<String> takeWarnings() {
        List<String> taken = List.copyOf(warnings);
        warnings.clear();
        return taken;
    }

    /**
     * The public record of one cable of release {@code release} (release time {@code releaseTime}).
     */
    PublicCable build(ReleaseItem item, long release, LocalDateTime releaseTime) throws IOException {
        PublicCable unredacted = item.unredacted();
        if (item.redactionIds().isEmpty() && item.change() == PublicVersion.Kind.FIRST_RELEASE) {
            return unredacted.withHistory(List.of(new PublicVersion(1, release, unredacted.released(),
                    PublicVersion.Kind.FIRST_RELEASE, unredacted.header(), unredacted.body())));
        }
        Map<Long, Redaction> redactions = new HashMap<>();
        for (Redaction r : vault.redactions().of(item.id())) {
            redactions.put(r.id(), r);
        }
        PublicCable current = item.redactionIds().isEmpty() ? unredacted
                : PublicCable.of(parser().parse(redact(item.text(), unredacted.version(), item.redactionIds(), redactions,
                        true)), unredacted.version(), unredacted.released(), List.of());
        List<PublicVersion> history = new ArrayList<>();
        Map<Integer, SourceCable> texts = null;
        for (PublicChange change : vault.releaseLog().history(item.id(), release)) {
            int number = history.size() + 1;
            if (!change.kind().isPublic()) {
                history.add(new PublicVersion(number, change.release(), change.time(), change.kind(), "", ""));
                continue;
            }
            if (texts == null) {
                texts = new HashMap<>();
                for (VersionRecord v : vault.versions(item.id())) {
                    texts.put(v.version(), v.source());
                }
            }
            // What was public then, less whatever is redacted now: a history never shows a word redacted today.
            Set<Long> ids = new LinkedHashSet<>(change.redactionIds());
            ids.addAll(item.redactionIds());
            SourceCable shown = redact(texts.get(change.version()), change.version(), List.copyOf(ids), redactions,
                    false);
            history.add(new PublicVersion(number, change.release(), change.time(), change.kind(), shown.header(),
                    shown.body()));
        }
        LocalDateTime time = item.change() == PublicVersion.Kind.FIRST_RELEASE ? unredacted.released() : releaseTime;
        history.add(new PublicVersion(history.size() + 1, release, time, item.change(), current.header(),
                current.body()));
        return current.withHistory(history);
    }

    /**
     * The text with the given redactions applied. A span names offsets in the text it was made on; on another
     * version's text it redacts the words it covered, wherever they stand.
     */
    private SourceCable redact(SourceCable text, int version, List<Long> ids, Map<Long, Redaction> redactions,
            boolean warn) throws IOException {
        List<RedactionRule> rules = new ArrayList<>();
        for (long id : ids) {
            Redaction r = redactions.get(id);
            if (r == null) {
                throw new IllegalStateException("redaction " + id + " of " + text.id() + " is not in the vault");
            }
            RedactionRule.Kind kind = RedactionRule.Kind.fromWord(r.kind());
            if (kind == RedactionRule.Kind.SPAN && r.version() != version) {
                if (!r.covered().isBlank()) {
                    rules.add(RedactionRule.everyText(r.covered()));
                }
            } else {
                rules.add(new RedactionRule(kind, r.value()));
            }
        }
        parser();
        Redacted redacted = redactor.redact(text, rules);
        if (warn) {
            for (RedactionRule unmatched : redacted.unmatched()) {
                warnings.add(text.id() + ": redaction " + unmatched + " matches nothing in version " + version
                        + "; nothing is redacted by it");
            }
        }
        return redacted.cable();
    }
}
