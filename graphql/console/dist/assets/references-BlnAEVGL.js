import{a as e,g as t}from"./index-DrWPFKP_.js";var n=e(`
  query ConsoleReferences($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Household { reference } }
  }
`);function r(e){let r=[...new Set(e)],[{data:i}]=t({query:n,variables:{ids:r},pause:r.length===0}),a=new Map;for(let e of i?.nodes??[])e&&e.__typename===`Household`&&a.set(e.id,e.reference);return e=>a.get(e)??`…`}export{r as t};