package org.cablegate.core.parse;

import java.util.ArrayList;
import java.util.List;
import org.cablegate.core.model.ParseIssue;

/** Collects the issues of one parse, up to a cap: a garbled cable must not make a record of thousands of issues. */
final class Issues {
    static final int MAX = 40;
    private final List<ParseIssue> list = new ArrayList<>();

    void add(ParseIssue.Kind kind, String message, int offset) {
        if (list.size() < MAX) {
            list.add(new ParseIssue(kind, message, offset));
        }
    }

    void add(ParseIssue issue) {
        if (list.size() < MAX) {
            list.add(issue);
        }
    }

    List<ParseIssue> list() {
        return list;
    }
}
