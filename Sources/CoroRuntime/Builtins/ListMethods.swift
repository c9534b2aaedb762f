/// Methods of `list` and `tuple`.
extension VM {
    func installListMethods() {
        let type = types.list
        func list(_ arguments: Arguments) -> PyList { arguments[0].as(PyList.self) ?? newList([]) }
        defineMethod(type, "append") { vm, arguments throws(PyError) in
            try arguments.expectMethod("list.append", vm, min: 1, max: 1)
            list(arguments).items.append(arguments[1])
            return .none
        }
        listAppendAddress = type.lookup(intern("append"))?.object.map { Unmanaged.passUnretained($0).toOpaque() }
        defineMethod(type, "extend") { vm, arguments throws(PyError) in
            try arguments.expectMethod("list.extend", vm, min: 1, max: 1)
            list(arguments).items.append(contentsOf: try vm.collect(arguments[1]))
            return .none
        }
        defineMethod(type, "insert") { vm, arguments throws(PyError) in
            try arguments.expect("insert", vm, min: 3, max: 3)
            let items = list(arguments).items
            var position = try vm.index(arguments[1])
            if position < 0 { position = max(0, position + items.count) }
            list(arguments).items.insert(arguments[2], at: min(position, items.count))
            return .none
        }
        defineMethod(type, "pop") { vm, arguments throws(PyError) in
            try arguments.expectMethod("pop", vm, min: 0, max: 1)
            let target = list(arguments)
            if target.items.isEmpty { throw vm.error("IndexError", "pop from empty list") }
            let index = arguments.positionalCount > 1 ? try vm.index(arguments[1]) : -1
            guard let position = vm.position(index, count: target.items.count) else {
                throw vm.error("IndexError", "pop index out of range")
            }
            return target.items.remove(at: position)
        }
        defineMethod(type, "remove") { vm, arguments throws(PyError) in
            try arguments.expectMethod("list.remove", vm, min: 1, max: 1)
            let target = list(arguments)
            for (index, item) in target.items.enumerated() where try vm.equals(item, arguments[1]) {
                if index < target.items.count { target.items.remove(at: index) }
                return .none
            }
            throw vm.error("ValueError", "list.remove(x): x not in list")
        }
        defineMethod(type, "index") { vm, arguments throws(PyError) in
            try arguments.expectMethod("index", vm, min: 1, max: 3)
            let items = list(arguments).items
            let (start, end) = try vm.bounds(arguments, from: 2, count: items.count)
            if start < end {
                for index in start..<end where index < items.count {
                    if try vm.equals(items[index], arguments[1]) { return .int(index) }
                }
            }
            throw vm.error("ValueError", "\(try vm.repr(arguments[1])) is not in list")
        }
        defineMethod(type, "count") { vm, arguments throws(PyError) in
            try arguments.expectMethod("list.count", vm, min: 1, max: 1)
            var count = 0
            for item in list(arguments).items where try vm.equals(item, arguments[1]) { count += 1 }
            return .int(count)
        }
        defineMethod(type, "reverse") { _, arguments throws(PyError) in
            list(arguments).items.reverse()
            return .none
        }
        defineMethod(type, "clear") { _, arguments throws(PyError) in
            list(arguments).items.removeAll()
            return .none
        }
        defineMethod(type, "copy") { vm, arguments throws(PyError) in vm.list(list(arguments).items) }
        defineMethod(type, "sort") { vm, arguments throws(PyError) in
            guard arguments.positionalCount == 1 else { throw vm.typeError("sort() takes no positional arguments") }
            let target = list(arguments)
            var items = target.items
            target.items = []
            defer { if target.items.isEmpty { target.items = items } }
            try vm.withRoots(items) { () throws(PyError) in
                try vm.sortValues(&items, key: arguments.keyword("key") ?? .none,
                                  reverse: try vm.isTrue(arguments.keyword("reverse") ?? .bool(false)))
            }
            if !target.items.isEmpty { throw vm.error("ValueError", "list modified during sort") }
            target.items = items
            return .none
        }
        defineMethod(type, "__len__") { _, arguments throws(PyError) in .int(list(arguments).items.count) }
        defineMethod(type, "__getitem__") { vm, arguments throws(PyError) in try vm.getItem(arguments[0], arguments[1]) }
        defineMethod(type, "__setitem__") { vm, arguments throws(PyError) in
            try vm.setItem(arguments[0], arguments[1], arguments[2])
            return .none
        }
        defineMethod(type, "__contains__") { vm, arguments throws(PyError) in .bool(try vm.contains(arguments[0], arguments[1])) }
        defineMethod(type, "__iter__") { vm, arguments throws(PyError) in vm.listIterator(arguments[0]) }
        defineMethod(type, "__init__") { vm, arguments throws(PyError) in
            if arguments.positionalCount > 1 { list(arguments).items = try vm.collect(arguments[1]) }
            return .none
        }

        let tuple = types.tuple
        defineMethod(tuple, "index") { vm, arguments throws(PyError) in
            let items = arguments[0].as(PyTuple.self)?.items ?? []
            for (index, item) in items.enumerated() where try vm.equals(item, arguments[1]) { return .int(index) }
            throw vm.error("ValueError", "tuple.index(x): x not in tuple")
        }
        defineMethod(tuple, "count") { vm, arguments throws(PyError) in
            var count = 0
            for item in arguments[0].as(PyTuple.self)?.items ?? [] where try vm.equals(item, arguments[1]) { count += 1 }
            return .int(count)
        }
        defineMethod(tuple, "__len__") { _, arguments throws(PyError) in .int(arguments[0].as(PyTuple.self)?.items.count ?? 0) }
        defineMethod(tuple, "__getitem__") { vm, arguments throws(PyError) in try vm.getItem(arguments[0], arguments[1]) }
        defineMethod(tuple, "__iter__") { vm, arguments throws(PyError) in vm.box(.tupleIterator, [arguments[0]]) }
    }
}
