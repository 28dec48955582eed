"""Tests for compare's charts: python3 -m unittest Benchmarks/test_compare.py (from the repository root).

Standard library only, like compare itself; no benchmark run needed.
"""
import contextlib
import importlib.machinery
import io
import importlib.util
import os
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))


def load_compare():
    # compare has no .py extension, so the ordinary import cannot find it.
    loader = importlib.machinery.SourceFileLoader("compare", os.path.join(HERE, "compare"))
    spec = importlib.util.spec_from_loader("compare", loader)
    module = importlib.util.module_from_spec(spec)
    writes_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__/compare.*.pyc
    try:
        loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = writes_bytecode
    return module


compare = load_compare()
WALL = compare.WALL
SVG = "{http://www.w3.org/2000/svg}"


def sorts(implementations, sizes=("1k", "10k", "100k", "1M")):
    """Synthetic medians: each implementation takes (index + 1) × n × 0.01 µs."""
    medians = {}
    for index, implementation in enumerate(implementations):
        for size in sizes:
            medians[f"Sort {size} Int · {implementation}"] = {WALL: (index + 1) * compare.parse_size(size) * 0.01}
    return medians


def chart_entry(file_name):
    return next(entry for entry in compare.CHARTS if entry[0] == file_name)


def render(file_name, medians, source="run.json"):
    _, kind, title, what = chart_entry(file_name)
    return compare.chart(kind, title, what, medians, source)


class SizeTests(unittest.TestCase):
    def test_sizes(self):
        self.assertEqual(compare.parse_size("1k"), 1_000)
        self.assertEqual(compare.parse_size("10k"), 10_000)
        self.assertEqual(compare.parse_size("100k"), 100_000)
        self.assertEqual(compare.parse_size("1M"), 1_000_000)
        self.assertEqual(compare.parse_size("500"), 500)

    def test_not_sizes(self):
        for label in ("", "k", "1K", "1.5k", "1kb", "Int", "10 k"):
            self.assertIsNone(compare.parse_size(label), label)

    def test_size_labels_round_trip(self):
        for label in ("1k", "10k", "100k", "1M", "500"):
            self.assertEqual(compare.size_label(compare.parse_size(label)), label)


class LineChartTests(unittest.TestCase):
    implementations = ["ours quickSort", "ours mergeSort (one scratch buffer)", "stdlib sort()"]

    def test_series_are_found_by_size_and_implementation(self):
        medians = sorts(self.implementations)
        medians["Sort 10k Int · ours quickSort (slow)"] = {WALL: compare.SLOW_US, "slow": True}  # not measured
        medians["Sort lots Int · ours quickSort"] = {WALL: 1.0}  # not a size
        medians["Search 10k sorted ×1k lookups · ours BinarySearch.lowerBound"] = {WALL: 1.0}  # another chart
        series = compare.line_series(medians, "Sort {n} Int")
        self.assertEqual(sorted(series), sorted(self.implementations))
        self.assertEqual(series["stdlib sort()"],
                         [(1_000, 30.0), (10_000, 300.0), (100_000, 3_000.0), (1_000_000, 30_000.0)])

    def test_svg_parses_and_has_a_line_and_a_label_per_series(self):
        svg = render("sorts.svg", sorts(self.implementations))
        root = ElementTree.fromstring(svg)
        self.assertEqual(root.tag, SVG + "svg")
        self.assertEqual(root.get("viewBox"), f"0 0 {compare.WIDTH} {compare.HEIGHT}")
        self.assertEqual(svg.count("<polyline"), len(self.implementations))
        texts = [element.text for element in root.iter(SVG + "text")]
        for implementation in self.implementations:
            self.assertIn(implementation, texts)
        for label in ("1k", "10k", "100k", "1M", "O(n)", "Sorting Int arrays: time against n"):
            self.assertIn(label, texts)
        self.assertTrue(any("from run.json" in text for text in texts))

    def test_references_are_dashed(self):
        root = ElementTree.fromstring(render("sorts.svg", sorts(self.implementations)))
        dashed = [line.get("stroke-dasharray") is not None for line in root.iter(SVG + "polyline")]
        # Legend order: ours first, then the references.
        self.assertEqual(dashed, [False, False, True])

    def test_decade_ticks_in_human_units(self):
        # 10 µs at 1k up to 40 ms at 1M: decades from 10 µs to 100 ms.
        texts = [element.text for element in ElementTree.fromstring(render("sorts.svg", sorts(["a", "b", "c", "d"])))
                 .iter(SVG + "text")]
        for tick in ("10 µs", "100 µs", "1 ms", "10 ms", "100 ms"):
            self.assertIn(tick, texts)

    def test_every_coordinate_is_inside_the_view_box(self):
        svg = render("sorts.svg", sorts(self.implementations))
        assert_inside_view_box(self, svg)

    def test_same_input_gives_the_same_bytes(self):
        medians = sorts(self.implementations)
        reordered = dict(reversed(list(medians.items())))
        self.assertEqual(render("sorts.svg", medians), render("sorts.svg", medians))
        self.assertEqual(render("sorts.svg", medians), render("sorts.svg", reordered))

    def test_text_is_escaped(self):
        svg = render("sorts.svg", sorts(["ours <fast> & \"clever\"", "stdlib sort()"]))
        texts = [element.text for element in ElementTree.fromstring(svg).iter(SVG + "text")]
        self.assertIn("ours <fast> & \"clever\"", texts)

    def test_a_series_with_missing_sizes_is_drawn_with_what_exists(self):
        medians = sorts(["stdlib sort()"])
        medians.update(sorts(["ours quickSort"], sizes=("10k", "1M")))
        root = ElementTree.fromstring(render("sorts.svg", medians))
        lines = {len(line.get("points").split()) for line in root.iter(SVG + "polyline")}
        self.assertEqual(lines, {4, 2})

    def test_no_matching_benchmark_means_no_chart(self):
        self.assertIsNone(render("queues.svg", sorts(self.implementations)))

    def test_write_charts_writes_only_charts_with_data(self):
        medians = sorts(self.implementations)
        medians["Channel 100k messages · ours BoundedChannel (capacity 64)"] = {WALL: 41_000}
        with tempfile.TemporaryDirectory() as directory:
            target = os.path.join(directory, "charts")
            log = io.StringIO()
            with contextlib.redirect_stderr(log):
                written = compare.write_charts(medians, target, "live run")
            self.assertEqual(log.getvalue().splitlines(), [f"compare: wrote {path}" for path in written])
            self.assertEqual(sorted(os.listdir(target)), ["channels.svg", "sorts.svg"])
            self.assertEqual(sorted(os.path.basename(path) for path in written), ["channels.svg", "sorts.svg"])
            with open(os.path.join(target, "sorts.svg"), encoding="utf-8") as file:
                self.assertEqual(file.read(), render("sorts.svg", medians, "live run"))


class BarChartTests(unittest.TestCase):
    medians = {
        "Channel 100k messages · ours BoundedChannel (capacity 0, rendezvous)": {WALL: 119_000},
        "Channel 100k messages · swift-async-algorithms AsyncChannel (rendezvous)": {WALL: 150_000},
        "Ping-pong 10k round trips · ours BoundedChannel (capacity 0)": {WALL: 52_000},
        "Ping-pong 10k round trips · AsyncStream": {WALL: 40_000},
    }

    def test_values_are_per_message_and_per_round_trip(self):
        groups = compare.bar_groups(self.medians, chart_entry("channels.svg")[3])
        self.assertEqual([heading for heading, _ in groups],
                         ["Channel 100k messages: time per message", "Ping-pong 10k round trips: time per round trip"])
        self.assertEqual(groups[0][1], [("ours BoundedChannel (capacity 0, rendezvous)", 1.19),
                                        ("swift-async-algorithms AsyncChannel (rendezvous)", 1.5)])
        self.assertEqual(groups[1][1], [("ours BoundedChannel (capacity 0)", 5.2), ("AsyncStream", 4.0)])

    def test_bars_are_labelled_with_implementation_and_value(self):
        svg = render("channels.svg", self.medians)
        root = ElementTree.fromstring(svg)
        texts = [element.text for element in root.iter(SVG + "text")]
        for label in ("ours BoundedChannel (capacity 0, rendezvous)", "1.19 µs", "1.5 µs", "5.2 µs", "4 µs"):
            self.assertIn(label, texts)
        self.assertEqual(len([rect for rect in root.iter(SVG + "rect") if rect.get("height") == "14"]), 4)
        assert_inside_view_box(self, svg)
        self.assertEqual(svg, render("channels.svg", self.medians))

    def test_one_family_missing_draws_the_other(self):
        medians = {name: metrics for name, metrics in self.medians.items() if name.startswith("Ping-pong")}
        groups = compare.bar_groups(medians, chart_entry("channels.svg")[3])
        self.assertEqual(len(groups), 1)
        self.assertIsNone(render("channels.svg", {}))


def assert_inside_view_box(test, svg):
    root = ElementTree.fromstring(svg)
    _, _, width, height = (float(value) for value in root.get("viewBox").split())
    for element in root.iter():
        for key in ("x", "x1", "x2", "cx"):
            if element.get(key) is not None:
                test.assertTrue(0 <= float(element.get(key)) <= width, (element.tag, key, element.get(key)))
        for key in ("y", "y1", "y2", "cy"):
            if element.get(key) is not None:
                test.assertTrue(0 <= float(element.get(key)) <= height, (element.tag, key, element.get(key)))
        for point in (element.get("points") or "").split():
            x, y = (float(value) for value in point.split(","))
            test.assertTrue(0 <= x <= width and 0 <= y <= height, point)


if __name__ == "__main__":
    unittest.main()
