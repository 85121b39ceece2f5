package org.cablegate.web.site;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cablegate.archive.index.FacetCount;
import org.cablegate.web.view.Histogram;

/** Histograms of cables over time, as view records for the SVG template. */
final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 80;
    /** A listing of two months should not look like two walls. */
    private static final int MAX_BAR = 24;

    private Charts() {}

    /** Cables by creation month ({@code 2008-06}), every month from the first to the last shown, empty ones too. */
    static Histogram byMonth(String label, List<FacetCount> months) {
        if (months.isEmpty()) {
            return new Histogram(label, WIDTH, HEIGHT, List.of(), "", "", 0);
        }
        Map<String, Long> counts = new HashMap<>();
        YearMonth first = null;
        YearMonth last = null;
        for (FacetCount m : months) {
            counts.put(m.value(), m.count());
            YearMonth ym = YearMonth.parse(m.value());
            first = first == null || ym.isBefore(first) ? ym : first;
            last = last == null || ym.isAfter(last) ? ym : last;
        }
        List<String> periods = new ArrayList<>();
        for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
            periods.add(ym.toString());
        }
        return bars(label, periods, counts);
    }

    /** Counts by a period that is a plain value (a year), in the order given. */
    static Histogram byPeriod(String label, List<FacetCount> periods) {
        Map<String, Long> counts = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (FacetCount p : periods) {
            counts.put(p.value(), p.count());
            order.add(p.value());
        }
        if (order.isEmpty()) {
            return new Histogram(label, WIDTH, HEIGHT, List.of(), "", "", 0);
        }
        return bars(label, order, counts);
    }

    private static Histogram bars(String label, List<String> periods, Map<String, Long> counts) {
        long peak = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double step = (double) WIDTH / periods.size();
        List<Histogram.Bar> bars = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            long n = counts.getOrDefault(periods.get(i), 0L);
            if (n == 0) {
                continue;
            }
            double h = Math.max(1, HEIGHT * (double) n / peak);
            bars.add(new Histogram.Bar(round(i * step), round(HEIGHT - h), round(Math.min(Math.max(step * 0.85, 0.5), MAX_BAR)), round(h),
                    periods.get(i) + ": " + Snapshot.number(n) + (n == 1 ? " cable" : " cables")));
        }
        return new Histogram(label, WIDTH, HEIGHT, bars, periods.get(0), periods.get(periods.size() - 1), peak);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
