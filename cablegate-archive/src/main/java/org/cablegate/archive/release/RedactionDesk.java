package org.cablegate.archive.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cablegate.archive.vault.CableRecord;
import org.cablegate.archive.vault.Redaction;
import org.cablegate.archive.vault.Vault;
import org.cablegate.archive.vault.VaultException;
import org.cablegate.archive.vault.VersionRecord;
import org.cablegate.core.model.SourceCable;
import org.cablegate.core.redact.Field;
import org.cablegate.core.redact.Redacted;
import org.cablegate.core.redact.RedactionRule;
import org.cablegate.core.redact.Redactor;

/**
 * Where the publisher makes and removes redactions: each rule is checked against the cable's current text in the
 * vault before it is stored (a rule that redacts nothing is refused, as it protects no one), and a batch is stored all
 * or nothing. Nothing public changes until the next release.
 */
public final class RedactionDesk {
    private final Vault vault;
    private final Redactor redactor = new Redactor();

    public RedactionDesk(Vault vault) {
        this.vault = vault;
    }

    /** One redaction asked for: a cable, a rule, a reason. */
    public record Ask(String cableId, RedactionRule rule, String reason) {}

    /** A redaction that cannot be made; the message says which and why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        Refused(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }

        /** Which of the asks, from 0. */
        public int index() {
            return index;
        }
    }

    /**
     * Checks every ask against its cable's current text and stores them all, or none when one is refused.
     *
     * @throws Refused naming the first ask that cannot be made: an unknown cable, a rule that matches nothing
     */
    public List<Redaction> redact(List<Ask> asks, String by, Instant at) throws Refused, VaultException {
        List<Redaction.Request> requests = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            if (ask.reason().isBlank()) {
                throw new Refused(i, "a redaction needs a reason (--reason)");
            }
            Optional<CableRecord> cable = vault.cable(ask.cableId());
            if (cable.isEmpty()) {
                throw new Refused(i, "no cable " + ask.cableId() + " in the vault");
            }
            int version = cable.get().currentVersion();
            SourceCable text = text(ask.cableId(), version);
            Redacted redacted = redactor.redact(text, List.of(ask.rule()));
            if (!redacted.unmatched().isEmpty()) {
                throw new Refused(i, "redaction " + ask.rule() + " matches nothing in the text of " + ask.cableId()
                        + " (version " + version + ")");
            }
            StringBuilder covered = new StringBuilder();
            for (Redacted.Span span : redacted.spans()) {
                String field = span.field() == Field.HEADER ? text.header() : text.body();
                if (covered.length() > 0) {
                    covered.append(" … ");
                }
                covered.append(field, span.from(), span.to());
            }
            requests.add(new Redaction.Request(cable.get().id(), ask.rule().kind().word(), ask.rule().value(), version,
                    covered.toString(), ask.reason()));
        }
        return vault.redactions().add(requests, by, at);
    }

    /** Removes a redaction; empty when there is no such active redaction. */
    public Optional<Redaction> unredact(long id, String by, Instant at) throws VaultException {
        return vault.redactions().remove(id, by, at);
    }

    private SourceCable text(String id, int version) throws VaultException {
        for (VersionRecord v : vault.versions(id)) {
            if (v.version() == version) {
                return v.source();
            }
        }
        throw new VaultException("the vault lacks version " + version + " of " + id);
    }
}
