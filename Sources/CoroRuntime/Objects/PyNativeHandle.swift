/// An opaque script value that carries native state (such as an HTTP exchange in flight)
/// for a module's Swift functions. When the collector frees it, Swift frees the state.
final class PyNativeHandle: PyObject {
    let payload: AnyObject

    init(type: PyType, payload: AnyObject) {
        self.payload = payload
        super.init(type: type)
    }
}

extension VM {
    func nativeHandle(_ payload: AnyObject) -> Value {
        Value(heap.register(PyNativeHandle(type: types.nativeHandle, payload: payload)))
    }
}
