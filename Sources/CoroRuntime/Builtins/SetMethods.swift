import CoroCompiler

/// Methods and operators of `set` and `frozenset`.
extension VM {
    /// A new set of the items of any iterable.
    func setFrom(_ value: Value, frozen: Bool = false) throws(PyError) -> PySet {
        if let other = value.as(PySet.self) {
            let set = newSet(frozen: frozen)
            root(Value(set))
            try set.merge(other, vm: self)
            return set
        }
        let items = try collect(value)
        let set = newSet(frozen: frozen)
        root(Value(set))
        for item in items { try set.add(item, hash: try hash(item), vm: self) }
        return set
    }

    /// `|`, `&`, `-`, `^` between sets (CPython's algorithms, for its element order).
    func setOperation(_ left: PySet, _ right: PySet, _ operation: BinaryOperation, inPlace: Bool) throws(PyError) -> Value {
        let frozen = left.type.isSubtype(of: types.frozenset)
        let result: PySet
        switch operation {
        case .or:
            result = inPlace ? left : try setFrom(Value(left), frozen: frozen)
            try result.merge(right, vm: self)
        case .and:
            let (small, large) = left.count > right.count ? (right, left) : (left, right)
            result = newSet(frozen: frozen)
            root(Value(result))
            for key in small.keys {
                let hash = try hash(key)
                if try large.contains(key, hash: hash, vm: self) { try result.add(key, hash: hash, vm: self) }
            }
            if inPlace {
                left.removeAll()
                try left.merge(result, vm: self)
                return Value(left)
            }
        case .sub:
            result = newSet(frozen: frozen)
            root(Value(result))
            for key in left.keys {
                let hash = try hash(key)
                if !(try right.contains(key, hash: hash, vm: self)) { try result.add(key, hash: hash, vm: self) }
            }
            if inPlace {
                for key in right.keys { try left.discard(key, hash: try hash(key), vm: self) }
                return Value(left)
            }
        default:
            result = inPlace ? left : try setFrom(Value(left), frozen: frozen)
            for key in right.keys {
                let hash = try hash(key)
                if try !result.discard(key, hash: hash, vm: self) { try result.add(key, hash: hash, vm: self) }
            }
        }
        return Value(result)
    }

    func compareSets(_ left: PySet, _ right: PySet, _ operation: ComparisonOperation) throws(PyError) -> Bool {
        func subset(_ a: PySet, _ b: PySet) throws(PyError) -> Bool {
            if a.count > b.count { return false }
            for key in a.keys where !(try b.contains(key, hash: try hash(key), vm: self)) { return false }
            return true
        }
        let forward = try subset(left, right)
        let backward = try subset(right, left)
        switch operation {
        case .eq: return forward && backward
        case .ne: return !(forward && backward)
        case .le: return forward
        case .lt: return forward && !backward
        case .ge: return backward
        case .gt: return backward && !forward
        }
    }

    func installSetMethods() {
        for type in [types.set, types.frozenset] {
            func set(_ arguments: Arguments) -> PySet { arguments[0].as(PySet.self) ?? newSet() }
            for (name, operation) in [("union", BinaryOperation.or), ("intersection", .and), ("difference", .sub),
                                      ("symmetric_difference", .xor)] {
                defineMethod(type, name) { vm, arguments throws(PyError) in
                    var result = Value(try vm.setFrom(arguments[0], frozen: type === vm.types.frozenset))
                    if arguments.positionalCount == 1 { return result }
                    for other in arguments.positional.dropFirst() {
                        guard let left = result.as(PySet.self) else { break }
                        result = try vm.setOperation(left, try vm.setFrom(other), operation, inPlace: false)
                    }
                    return result
                }
            }
            defineMethod(type, "issubset") { vm, arguments throws(PyError) in
                .bool(try vm.compareSets(set(arguments), try vm.setFrom(arguments[1]), .le))
            }
            defineMethod(type, "issuperset") { vm, arguments throws(PyError) in
                .bool(try vm.compareSets(set(arguments), try vm.setFrom(arguments[1]), .ge))
            }
            defineMethod(type, "isdisjoint") { vm, arguments throws(PyError) in
                for item in try vm.collect(arguments[1]) where try set(arguments).contains(item, hash: try vm.hash(item), vm: vm) {
                    return .bool(false)
                }
                return .bool(true)
            }
            defineMethod(type, "copy") { vm, arguments throws(PyError) in
                Value(try vm.setFrom(arguments[0], frozen: type === vm.types.frozenset))
            }
            defineMethod(type, "__contains__") { vm, arguments throws(PyError) in .bool(try vm.contains(arguments[0], arguments[1])) }
            defineMethod(type, "__len__") { _, arguments throws(PyError) in .int(set(arguments).count) }
            defineMethod(type, "__iter__") { vm, arguments throws(PyError) in try vm.iterate(arguments[0]) }
        }
        let type = types.set
        func set(_ arguments: Arguments) -> PySet { arguments[0].as(PySet.self) ?? newSet() }
        defineMethod(type, "add") { vm, arguments throws(PyError) in
            try arguments.expectMethod("set.add", vm, min: 1, max: 1)
            try set(arguments).add(arguments[1], hash: try vm.hash(arguments[1]), vm: vm)
            return .none
        }
        defineMethod(type, "discard") { vm, arguments throws(PyError) in
            try set(arguments).discard(arguments[1], hash: try vm.hash(arguments[1]), vm: vm)
            return .none
        }
        defineMethod(type, "remove") { vm, arguments throws(PyError) in
            if try !set(arguments).discard(arguments[1], hash: try vm.hash(arguments[1]), vm: vm) {
                throw PyError(exception: vm.newException(vm.types[exception: "KeyError"], [arguments[1]]))
            }
            return .none
        }
        defineMethod(type, "pop") { vm, arguments throws(PyError) in
            guard let item = set(arguments).pop() else {
                throw PyError(exception: vm.newException(vm.types[exception: "KeyError"], [vm.str("pop from an empty set")]))
            }
            return item
        }
        defineMethod(type, "clear") { _, arguments throws(PyError) in
            set(arguments).removeAll()
            return .none
        }
        for (name, operation) in [("update", BinaryOperation.or), ("intersection_update", .and),
                                  ("difference_update", .sub), ("symmetric_difference_update", .xor)] {
            defineMethod(type, name) { vm, arguments throws(PyError) in
                for other in arguments.positional.dropFirst() {
                    _ = try vm.setOperation(set(arguments), try vm.setFrom(other), operation, inPlace: true)
                }
                return .none
            }
        }
    }
}
