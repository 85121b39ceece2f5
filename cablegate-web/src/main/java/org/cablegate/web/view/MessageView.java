package org.cablegate.web.view;

import java.util.List;

/**
 * A page that tells the reader something went wrong and where to go on: 404, 400.
 *
 * @param chrome  the page around it
 * @param heading what happened
 * @param lines   what it means and what to try
 * @param links   where to go on
 */
public record MessageView(Chrome chrome, String heading, List<String> lines, List<Link> links) {
    public MessageView {
        lines = List.copyOf(lines);
        links = List.copyOf(links);
    }
}
