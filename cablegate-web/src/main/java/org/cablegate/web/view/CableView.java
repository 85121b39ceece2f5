package org.cablegate.web.view;

import java.util.List;
import java.util.Optional;

/**
 * A cable's page, {@code /cable/2008/06/08MOSCOW1647.html}.
 *
 * @param chrome         the page around it
 * @param id             the reference id
 * @param subject        the subject, or empty
 * @param self           the top box's reference id, linking to this page
 * @param created        creation time, linking to its month
 * @param released       release time, linking to its release day
 * @param classification linking to its listing
 * @param origin         linking to its listing
 * @param header         the routing header as published
 * @param recipients     who sent it and who received it, by name
 * @param body           the body, with ¶ anchors, tag links and REF links
 * @param tags           the tags, each to its page, with its kind
 * @param citedBy        public cables that cite this one
 * @param hashtags       {@code #cablegate #08MOSCOW1647}
 * @param permalink      the page's path
 * @param raw            the plain text
 * @param json           the JSON of the API
 * @param history        the page of its public versions, when it changed since it was first published
 */
public record CableView(Chrome chrome, String id, String subject, Link self, Link created, Link released,
        Link classification, Link origin, String header, List<Addressees> recipients, List<Segment> body,
        List<Link> tags, List<Row> citedBy, String hashtags, String permalink, Link raw, Link json,
        Optional<Link> history) {
    public CableView {
        recipients = List.copyOf(recipients);
        body = List.copyOf(body);
        tags = List.copyOf(tags);
        citedBy = List.copyOf(citedBy);
    }

    /** One line of the recipients box: {@code To}, and the names. */
    public record Addressees(String label, List<String> names) {
        public Addressees {
            names = List.copyOf(names);
        }
    }
}
