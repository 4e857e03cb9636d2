/// The README's chart, written as SVG by hand (no dependency): grouped bars of Switchboard beside
/// the baseline for deliveries per second, latency percentiles, the operation rates and idle
/// memory, each panel on its own scale, with issue 6's target drawn as a dashed line where it
/// is an absolute figure. Failed sides are drawn as an empty bar marked "failed".
enum BenchChart {
    /// One pair of bars.
    struct Group {
        let label: String
        let switchboard: Double?
        let baseline: Double?
    }

    struct Panel {
        let title: String
        let groups: [Group]
        /// Formats an axis or bar value.
        let format: (Double) -> String
        let target: (value: Double, label: String)?
        /// Relative width in its row.
        let weight: Double
        /// The axis is rounded in this unit (1024 for bytes, so ticks fall on whole KiB).
        var axisUnit: Double = 1
    }

    static let switchboardColor = "#2b6cb0"
    static let baselineColor = "#a0aec0"
    static let targetColor = "#c53030"

    /// The panels the results allow, in rows.
    static func panels(_ rows: [ServerRow]) -> [[Panel]] {
        func row(_ name: String) -> ServerRow? { rows.first { $0.result.scenario.name == name } }
        var layout: [[Panel]] = []
        let deliveries = [("fanout-1k", "1 chat × 1,000"), ("fanout-10k", "1 chat × 10,000"), ("chats", "100 chats × 100")]
            .compactMap { name, label in row(name).map { Group(label: label, switchboard: $0.switchboardValue, baseline: $0.baselineValue) } }
        if !deliveries.isEmpty {
            layout.append([Panel(title: "Deliveries per second (higher is better)", groups: deliveries,
                                 format: compactRate, target: nil, weight: 1)])
        }
        var latencies: [Panel] = []
        for (name, title, target) in [("latency", "Latency, 1 subscriber, 100 posts/s (lower is better)", (1000.0, "p99 target 1 ms")),
                                      ("latency-10k", "Latency, 10,000 subscribers, 4 posts/s (lower is better)", nil)] {
            guard let r = row(name) else { continue }
            let groups = ["p50", "p90", "p99"].map { p in
                Group(label: p, switchboard: r.median(.switchboard) { $0.latency(p) },
                      baseline: r.median(.baseline) { $0.latency(p) })
            }
            latencies.append(Panel(title: title, groups: groups, format: formatMicros,
                                   target: target.map { (value: $0.0, label: $0.1) }, weight: 1))
        }
        if !latencies.isEmpty { layout.append(latencies) }
        var rates: [Panel] = []
        for (name, title, label) in [("churn", "Subscribe + complete", "100 connections"),
                                     ("connect", "Connect + init + ack + close", "50 workers"),
                                     ("mutations", "Mutations over HTTP", "16 keep-alive"),
                                     ("idle", "Memory per idle connection", "subscribed")] {
            guard let r = row(name) else { continue }
            let group = Group(label: label, switchboard: r.switchboardValue, baseline: r.baselineValue)
            switch r.result.scenario.metric {
            case .rate(_, _, let floor):
                rates.append(Panel(title: title + " (/s)", groups: [group], format: compactRate,
                                   target: (floor, "target ≥ " + compactRate(floor)), weight: 1))
            case .idleBytes(let limit):
                rates.append(Panel(title: title, groups: [group], format: formatBytes,
                                   target: (limit, "target ≤ " + formatBytes(limit)), weight: 1, axisUnit: 1024))
            default: break
            }
        }
        if !rates.isEmpty { layout.append(rates) }
        return layout
    }

    /// The whole SVG document.
    static func svg(_ rows: [ServerRow], title: String, subtitle: String, note: String) -> String {
        let width = 980.0, rowHeight = 260.0, top = 96.0
        let layout = panels(rows)
        let height = top + rowHeight * Double(layout.count) + 20
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="20" y="26" font-size="17" font-weight="bold">\(escape(title))</text>
            <text x="20" y="46" fill="#4a5568">\(escape(subtitle))</text>
            <text x="20" y="64" fill="#4a5568">\(escape(note))</text>
            <rect x="\(Int(width) - 250)" y="74" width="12" height="12" fill="\(switchboardColor)"/>
            <text x="\(Int(width) - 233)" y="84">Switchboard</text>
            <rect x="\(Int(width) - 150)" y="74" width="12" height="12" fill="\(baselineColor)"/>
            <text x="\(Int(width) - 133)" y="84">bare lws baseline</text>

            """
        for (i, panelRow) in layout.enumerated() {
            let total = panelRow.reduce(0) { $0 + $1.weight }
            var x = 20.0
            for panel in panelRow {
                let w = (width - 40) * panel.weight / total
                out += draw(panel, x: x, y: top + Double(i) * rowHeight, width: w - 16, height: rowHeight - 20)
                x += w
            }
        }
        return out + "</svg>\n"
    }

    static func draw(_ panel: Panel, x: Double, y: Double, width: Double, height: Double) -> String {
        let values = panel.groups.flatMap { [$0.switchboard, $0.baseline] }.compactMap { $0 } + [panel.target?.value].compactMap { $0 }
        let axisMax = niceCeiling((values.max() ?? 1) * 1.1 / panel.axisUnit) * panel.axisUnit
        let left = x + 62, plotTop = y + 40, plotBottom = y + height - 22, plotWidth = width - 62
        let scale = (plotBottom - plotTop) / axisMax
        var s = "<text x=\"\(f(x))\" y=\"\(f(y + 12))\" font-weight=\"bold\">\(escape(panel.title))</text>\n"
        for k in 0...4 {
            let v = axisMax * Double(k) / 4, yy = plotBottom - v * scale
            s += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(yy))\" stroke=\"#e2e8f0\"/>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" text-anchor=\"end\" fill=\"#4a5568\" font-size=\"11\">\(escape(panel.format(v)))</text>\n"
        }
        let slot = plotWidth / Double(max(panel.groups.count, 1))
        let bar = min(56, slot * 0.32)
        for (i, g) in panel.groups.enumerated() {
            let center = left + slot * (Double(i) + 0.5)
            for (j, (value, color)) in [(g.switchboard, switchboardColor), (g.baseline, baselineColor)].enumerated() {
                let bx = center - bar - 2 + Double(j) * (bar + 4)
                guard let value else {
                    s += "<rect x=\"\(f(bx))\" y=\"\(f(plotBottom - 30))\" width=\"\(f(bar))\" height=\"30\" fill=\"none\" stroke=\"\(color)\" stroke-dasharray=\"3 3\"/>\n"
                    s += "<text x=\"\(f(bx + bar / 2))\" y=\"\(f(plotBottom - 34))\" text-anchor=\"middle\" font-size=\"10\">failed</text>\n"
                    continue
                }
                let h = max(value * scale, 1)
                s += "<rect x=\"\(f(bx))\" y=\"\(f(plotBottom - h))\" width=\"\(f(bar))\" height=\"\(f(h))\" fill=\"\(color)\"/>\n"
                s += "<text x=\"\(f(bx + bar / 2))\" y=\"\(f(plotBottom - h - 4))\" text-anchor=\"middle\" font-size=\"10\">\(escape(panel.format(value)))</text>\n"
            }
            s += "<text x=\"\(f(center))\" y=\"\(f(plotBottom + 15))\" text-anchor=\"middle\">\(escape(g.label))</text>\n"
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(plotBottom))\" stroke=\"#2d3748\"/>\n"
        if let target = panel.target {
            let ty = plotBottom - target.value * scale
            s += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(ty))\" stroke=\"\(targetColor)\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n"
            // Named under the panel's title, where no bar can cover it.
            s += "<line x1=\"\(f(x))\" y1=\"\(f(y + 24))\" x2=\"\(f(x + 22))\" y2=\"\(f(y + 24))\" stroke=\"\(targetColor)\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n"
            s += "<text x=\"\(f(x + 27))\" y=\"\(f(y + 28))\" fill=\"\(targetColor)\" font-size=\"11\">\(escape(target.label))</text>\n"
        }
        return s
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value`, so axis ticks are round.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    static func compactRate(_ v: Double) -> String {
        if v >= 1_000_000 { return trim(v / 1_000_000) + "M/s" }
        if v >= 1_000 { return trim(v / 1_000) + "k/s" }
        return "\(Int(v.rounded()))/s"
    }

    /// One decimal below 100, none above: 157k, 18.2k, 6.6.
    static func trim(_ v: Double) -> String {
        if v >= 100 { return "\(Int(v.rounded()))" }
        let tenths = Int((v * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// A coordinate with one decimal (coordinates are never negative).
    static func f(_ v: Double) -> String {
        let tenths = Int((max(v, 0) * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
