//! [`Shared`]: a value shared by the page's parts and compared by identity.
//!
//! A report is never changed once made, and comparing two whole reports on every redraw would
//! cost more than drawing them; so props that hold one compare the pointer
//! ([`Rc::ptr_eq`]) and derive `PartialEq`.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An [`Rc`] whose equality is identity: two handles are equal when they point at the same
/// value. Derefs to the `Rc`, so `Rc::ptr_eq`, `&*shared` and field access work through it.
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = Rc<T>;
    fn deref(&self) -> &Rc<T> {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T> From<&Rc<T>> for Shared<T> {
    fn from(rc: &Rc<T>) -> Self {
        Shared(rc.clone())
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
