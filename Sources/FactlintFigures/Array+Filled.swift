extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them but for a fraction of
    /// the cost: that initialiser, like `Array(unsafeUninitializedCapacity:initializingWith:)`,
    /// allocates through a standard-library function that is not specialised for the element
    /// type and looks the storage type up at run time (about 800 instructions a call, where
    /// `reserveCapacity` takes about 100). Per-report arrays are made with this.
    ///
    /// - Complexity: O(count).
    @inlinable
    public static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }
}
