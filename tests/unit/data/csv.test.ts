import { describe, expect, it } from "vitest";
import { csvDataset, parseCsv } from "../../../electron/host/data/csv.js";
import { labelsOf } from "./support.js";

describe("CSV parsing", () => {
  it("handles quotes, doubled quotes, CRLF, a byte-order mark and a trailing blank line", () => {
    expect(parseCsv('\ufeffa,"b,c","say ""hi"""\r\n1,2,3\r\n\r\n')).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["1", "2", "3"],
    ]);
    expect(parseCsv("x;y\n1;2", ";")).toEqual([["x", "y"], ["1", "2"]]);
    expect(() => parseCsv('a,"open\n1,2')).toThrow(/never closed/);
  });
});

describe("CSV datasets", () => {
  const iris = "sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n4.9,1.4,setosa\n6.4,4.5,versicolor\n";

  it("turn a text target column into classes and the rest into features", () => {
    const ds = csvDataset(iris, { name: "iris.csv", testFraction: 0.2, seed: 1 });
    expect(ds.inputShape).toEqual([2]);
    expect(ds.target).toMatchObject({ kind: "classes", classes: 3, names: ["setosa", "versicolor", "virginica"] });
    expect(ds.size("train") + ds.size("test")).toBe(5);
    expect(ds.size("test")).toBe(1);
    const all = ds.gather("train", Array.from({ length: ds.size("train") }, (_, i) => i));
    // Every row keeps its own label: setosa rows have petal 1.4.
    labelsOf(ds, "train").forEach((label, i) => {
      if (label === 0) expect(all.x.data[i * 2 + 1]).toBeCloseTo(1.4, 5);
    });
  });

  it("take the target by name or position, and treat decimals as values", () => {
    const text = "a,price,b\n1,10.5,2\n3,20.25,4\n5,30,6\n7,1.5,8\n";
    const ds = csvDataset(text, { target: "price", testFraction: 0 });
    expect(ds.target).toEqual({ kind: "values", shape: [1] });
    expect(ds.inputShape).toEqual([2]);
    const b = ds.gather("train", [0, 1, 2, 3]);
    expect([...b.y.data].sort((x, y) => x - y)).toEqual([1.5, 10.5, 20.25, 30]);
    const byPos = csvDataset(text, { target: 0, testFraction: 0 });
    expect(byPos.target).toMatchObject({ kind: "classes", names: ["1", "3", "5", "7"] });
  });

  it("detect a missing header and sort numeric classes as numbers", () => {
    const ds = csvDataset("0.1,0.2,10\n0.3,0.4,2\n0.5,0.6,10\n", { testFraction: 0 });
    expect(ds.size("train")).toBe(3);
    expect(ds.target).toMatchObject({ kind: "classes", names: ["2", "10"] });
  });

  it("name the line and column of a bad cell, and ragged rows", () => {
    expect(() => csvDataset("a,b,y\n1,2,x\n3,,y\n", { name: "t.csv" })).toThrow(/t.csv: line 3, column "b" holds nothing; feature columns must be numbers/);
    expect(() => csvDataset("a,b,y\n1,2,x\n3,4\n", { name: "t.csv" })).toThrow(/t.csv: line 3 has 2 fields but line 1 has 3/);
    expect(() => csvDataset("a,b\n1,2\n", { target: "label" })).toThrow(/no column is named "label"; the columns are "a", "b"/);
    expect(() => csvDataset("a,b\n1,2\n", { target: 5 })).toThrow(/there is no column 5; the file has 2 columns/);
    expect(() => csvDataset("a,b,y\n1,2,cat\n", { task: "values" })).toThrow(/holds "cat", not a number; use task "classes"/);
  });
});
