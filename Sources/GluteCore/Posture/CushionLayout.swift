/// Where a pressure cushion's cells are, in metres in the body frame: x forward from the cushion
/// centre, y to the left. Cells with y > 0 are under the left buttock, y < 0 under the right;
/// cells with x < 0 (the rear half) are under the buttocks, the others under the thighs.
public struct CushionLayout: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public var cells: [Cell]

    public init(cells: [Cell]) { self.cells = cells }

    /// The default 2 x 4 layout: 8 cells, 2 columns (left, right) by 4 rows from front to back,
    /// 0.1 m apart; cell i is in row i / 2 and column i % 2 (0 = left). Cell 0 is front left at
    /// (0.15, 0.1); cell 7 is rear right at (-0.15, -0.1). Cells 4...7 are under the buttocks.
    public static let standard = CushionLayout(cells: (0..<8).map { i in
        Cell(x: 0.15 - 0.1 * Double(i / 2), y: i % 2 == 0 ? 0.1 : -0.1)
    })
}
