/// The boolean fields of futures and tasks (`_asyncio_future_blocking`,
/// `_log_traceback`, `_log_destroy_pending`, `_must_cancel`) kept as bits of the
/// object's `ObjectFlags` rather than in slots of 16 bytes each. Scripts reach them
/// through native properties, as CPython's C Future exposes its fields through getsets.
extension VM {
    func installFutureFlags(_ core: AsyncioCore) {
        let fields: [(PyType, String, ObjectFlags)] = [
            (core.future, "_asyncio_future_blocking", .futureBlocking), (core.future, "_log_traceback", .logTraceback),
            (core.future, "_log_destroy_pending", .logDestroyPending), (core.task, "_must_cancel", .mustCancel),
        ]
        for (owner, name, flag) in fields {
            let getter = builtin(name, owner: owner) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 0, max: 0)
                return .bool(arguments[0].object?.flags.contains(flag) ?? false)
            }
            let setter = builtin(name, owner: owner) { vm, arguments throws(PyError) in
                try arguments.expectMethod(name, vm, min: 1, max: 1)
                let on = try vm.isTrue(arguments[1])
                if on && flag == .logTraceback { throw vm.error("ValueError", "_log_traceback can only be set to False") }
                if on { arguments[0].object?.flags.insert(flag) } else { arguments[0].object?.flags.remove(flag) }
                return .none
            }
            owner.dict.setString(intern(name), Value(heap.register(PyBox(type: types.property, kind: .property, values: [
                Value(getter), Value(setter), .none, .none, str(name),
            ]))))
        }
    }
}
