// An inout parameter is only valid for the duration of the call, so an
// escaping closure may not capture it (a Go closure would capture a pointer
// and the variable would move to the heap).
func makeIncrementer(_ value: inout Int) -> () -> Void {
    return { value += 1 }  // error: escaping closure captures 'inout' parameter 'value'
}
