/// A `set` or `frozenset`, laid out as CPython's setobject.c (open addressing with 9
/// linear probes, then perturbation), so that iteration order (table order) matches
/// CPython's for the same keys: `{3, 1, 2}` prints `{1, 2, 3}`.
public final class PySet: PyObject {
    struct Slot {
        var hash: Int
        /// `null` with hash 0: unused; `null` with hash -1: a deleted entry.
        var key: Value
        var isActive: Bool { !key.isNull }
        var isDummy: Bool { key.isNull && hash == -1 }
    }

    @exclusivity(unchecked) private(set) var table = [Slot](repeating: Slot(hash: 0, key: .null), count: 8)
    @exclusivity(unchecked) private(set) var count = 0
    /// Active plus deleted slots.
    @exclusivity(unchecked) private var fill = 0
    @exclusivity(unchecked) private var finger = 0

    private static let linearProbes = 9

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        for slot in table where slot.isActive { tracer.mark(slot.key) }
    }

    var keys: [Value] { table.filter(\.isActive).map(\.key) }
    var tableSize: Int { table.count }

    /// Finds the slot holding `key`, or nil.
    func find(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Int? {
        var mask = table.count - 1
        var perturb = UInt(bitPattern: hash)
        var index = hash & mask
        while true {
            var probes = index + Self.linearProbes <= mask ? Self.linearProbes : 0
            var position = index
            while true {
                guard position < table.count else { return nil }
                let slot = table[position]
                if slot.key.isNull && slot.hash == 0 { return nil }
                if slot.hash == hash && slot.isActive {
                    if try vm.keysEqual(slot.key, key) { return position }
                    mask = table.count - 1
                }
                if probes == 0 { break }
                probes -= 1
                position += 1
            }
            perturb >>= 5
            index = (index &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    func contains(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Bool {
        try find(key, hash: hash, vm: vm) != nil
    }

    /// Adds `key`; returns false if it was already present.
    @discardableResult
    func add(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Bool {
        var mask = table.count - 1
        var perturb = UInt(bitPattern: hash)
        var index = hash & mask
        var freeSlot: Int?
        while true {
            var probes = index + Self.linearProbes <= mask ? Self.linearProbes : 0
            var position = index
            while true {
                guard position < table.count else { return false }
                let slot = table[position]
                if slot.key.isNull && slot.hash == 0 {
                    if let freeSlot {
                        table[freeSlot] = Slot(hash: hash, key: key)
                        count += 1
                        return true
                    }
                    table[position] = Slot(hash: hash, key: key)
                    fill += 1
                    count += 1
                    if fill * 5 >= mask * 3 { resize(minimumUsed: count > 50_000 ? count * 2 : count * 4) }
                    return true
                }
                if slot.hash == hash && slot.isActive {
                    if try vm.keysEqual(slot.key, key) { return false }
                    mask = table.count - 1
                } else if slot.isDummy && freeSlot == nil {
                    freeSlot = position
                }
                if probes == 0 { break }
                probes -= 1
                position += 1
            }
            perturb >>= 5
            index = (index &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// Removes `key`; returns false if it was absent.
    @discardableResult
    func discard(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Bool {
        guard let position = try find(key, hash: hash, vm: vm) else { return false }
        table[position] = Slot(hash: -1, key: .null)
        count -= 1
        return true
    }

    /// Removes and returns an arbitrary element (CPython's `set.pop` order).
    func pop() -> Value? {
        guard count > 0 else { return nil }
        var position = finger & (table.count - 1)
        while !table[position].isActive {
            position += 1
            if position >= table.count { position = 0 }
        }
        let key = table[position].key
        table[position] = Slot(hash: -1, key: .null)
        count -= 1
        finger = position + 1
        return key
    }

    func removeAll() {
        table = [Slot](repeating: Slot(hash: 0, key: .null), count: 8)
        count = 0
        fill = 0
    }

    /// Adds every element of `other` (CPython's set_merge, including its table copy).
    func merge(_ other: PySet, vm: VM) throws(PyError) {
        if other.count == 0 { return }
        if (fill + other.count) * 5 >= (table.count - 1) * 3 { resize(minimumUsed: (count + other.count) * 2) }
        if fill == 0 && table.count == other.table.count && other.fill == other.count {
            table = other.table
            count = other.count
            fill = other.fill
            return
        }
        if fill == 0 {
            for slot in other.table where slot.isActive { insertClean(slot.key, hash: slot.hash) }
            return
        }
        for slot in other.table where slot.isActive { try add(slot.key, hash: slot.hash, vm: vm) }
    }

    private func resize(minimumUsed: Int) {
        var size = 8
        while size <= minimumUsed { size <<= 1 }
        let old = table
        table = [Slot](repeating: Slot(hash: 0, key: .null), count: size)
        fill = 0
        count = 0
        for slot in old where slot.isActive { insertClean(slot.key, hash: slot.hash) }
    }

    /// Inserts a key known to be absent, into a table with no deleted slots.
    private func insertClean(_ key: Value, hash: Int) {
        let mask = table.count - 1
        var perturb = UInt(bitPattern: hash)
        var index = hash & mask
        while true {
            if table[index].key.isNull {
                table[index] = Slot(hash: hash, key: key)
                break
            }
            if index + Self.linearProbes <= mask {
                var found = false
                for offset in 1...Self.linearProbes where table[index + offset].key.isNull {
                    table[index + offset] = Slot(hash: hash, key: key)
                    found = true
                    break
                }
                if found { break }
            }
            perturb >>= 5
            index = (index &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
        fill += 1
        count += 1
    }
}
