/// Methods of `dict` and its views.
extension VM {
    func installDictMethods() {
        let type = types.dict
        func dict(_ arguments: Arguments) -> PyDict { arguments[0].as(PyDict.self) ?? newDict() }
        defineMethod(type, "get") { vm, arguments throws(PyError) in
            try arguments.expect("get", vm, min: 2, max: 3)
            return try dict(arguments).lookup(arguments[1], vm: vm) ?? (arguments.positionalCount > 2 ? arguments[2] : .none)
        }
        defineMethod(type, "keys") { vm, arguments throws(PyError) in vm.box(.dictKeys, [arguments[0]]) }
        defineMethod(type, "values") { vm, arguments throws(PyError) in vm.box(.dictValues, [arguments[0]]) }
        defineMethod(type, "items") { vm, arguments throws(PyError) in vm.box(.dictItems, [arguments[0]]) }
        defineMethod(type, "pop") { vm, arguments throws(PyError) in
            try arguments.expect("pop", vm, min: 2, max: 3)
            if let value = try dict(arguments).remove(arguments[1], hash: try vm.hash(arguments[1]), vm: vm) { return value }
            if arguments.positionalCount > 2 { return arguments[2] }
            throw PyError(exception: vm.newException(vm.types[exception: "KeyError"], [arguments[1]]))
        }
        defineMethod(type, "popitem") { vm, arguments throws(PyError) in
            let target = dict(arguments)
            guard let last = target.lastEntryIndex else {
                throw PyError(exception: vm.newException(vm.types[exception: "KeyError"], [vm.str("popitem(): dictionary is empty")]))
            }
            let entry = target.entry(at: last)
            target.removeEntry(at: last)
            return vm.tuple([entry.key, entry.value])
        }
        defineMethod(type, "setdefault") { vm, arguments throws(PyError) in
            try arguments.expect("setdefault", vm, min: 2, max: 3)
            let target = dict(arguments)
            if let value = try target.lookup(arguments[1], vm: vm) { return value }
            let fallback = arguments.positionalCount > 2 ? arguments[2] : .none
            try target.set(arguments[1], fallback, vm: vm)
            return fallback
        }
        defineMethod(type, "update") { vm, arguments throws(PyError) in
            try vm.updateDict(dict(arguments), arguments, offset: 1, name: "update")
            return .none
        }
        defineMethod(type, "clear") { _, arguments throws(PyError) in
            dict(arguments).clear()
            return .none
        }
        defineMethod(type, "copy") { vm, arguments throws(PyError) in
            let copy = vm.newDict()
            try copy.update(from: dict(arguments), vm: vm)
            return Value(copy)
        }
        type.dict.setString(intern("fromkeys"), box(.classMethod, [Value(builtin("fromkeys") { vm, arguments throws(PyError) in
            try arguments.expect("fromkeys", vm, min: 2, max: 3)
            let made = try vm.call(arguments[0], [])
            guard let target = made.as(PyDict.self) else { return made }
            let fill = arguments.positionalCount > 2 ? arguments[2] : .none
            for key in try vm.collect(arguments[1]) { try target.set(key, fill, vm: vm) }
            return made
        })]))
        defineMethod(type, "__getitem__") { vm, arguments throws(PyError) in
            guard let value = try dict(arguments).lookup(arguments[1], vm: vm) else {
                throw PyError(exception: vm.newException(vm.types[exception: "KeyError"], [arguments[1]]))
            }
            return value
        }
        defineMethod(type, "__setitem__") { vm, arguments throws(PyError) in
            try dict(arguments).set(arguments[1], arguments[2], vm: vm)
            return .none
        }
        defineMethod(type, "__delitem__") { vm, arguments throws(PyError) in
            if try dict(arguments).remove(arguments[1], hash: try vm.hash(arguments[1]), vm: vm) == nil {
                throw PyError(exception: vm.newException(vm.types[exception: "KeyError"], [arguments[1]]))
            }
            return .none
        }
        defineMethod(type, "__contains__") { vm, arguments throws(PyError) in .bool(try dict(arguments).lookup(arguments[1], vm: vm) != nil) }
        defineMethod(type, "__len__") { _, arguments throws(PyError) in .int(dict(arguments).count) }
        defineMethod(type, "__iter__") { vm, arguments throws(PyError) in try vm.iterate(Value(dict(arguments))) }
        defineMethod(type, "__init__") { vm, arguments throws(PyError) in
            try vm.updateDict(dict(arguments), arguments, offset: 1, name: "dict")
            return .none
        }
        defineMethod(type, "__or__") { vm, arguments throws(PyError) in
            try vm.builtinOperation(arguments[0], arguments[1], .or, inPlace: false) ?? vm.notImplemented
        }
        if let keysType = types.box[.dictKeys] {
            defineMethod(keysType, "isdisjoint") { vm, arguments throws(PyError) in
                let keys = try vm.setFrom(arguments[0])
                for item in try vm.collect(arguments[1]) where try keys.contains(item, hash: try vm.hash(item), vm: vm) {
                    return .bool(false)
                }
                return .bool(true)
            }
        }
    }
}
