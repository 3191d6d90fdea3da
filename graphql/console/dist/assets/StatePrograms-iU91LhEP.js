import{S as e,_ as t,a as n,g as r,i,r as a}from"./index-rtscYMtg.js";import{t as o}from"./ActionForm-XnuNqZJO.js";import{t as s}from"./DataTable-Cf1QNJA6.js";import{o as c,r as l,s as u}from"./Form-CsktYgNa.js";var d=i(),f=n(`
  query ConsoleStateProgrammes {
    stateProgrammes { id name cities }
    stateOfficers { id name programme }
    tenants(first: 100) { nodes { slug name } }
  }
`),p=n(`
  mutation ConsoleCreateStateProgramme($name: String!, $citySlugs: [String!]!) {
    createStateProgramme(name: $name, citySlugs: $citySlugs) { id }
  }
`),m=n(`
  mutation ConsoleAssignStateOfficer($programmeId: ID!, $userId: ID!) {
    assignStateOfficer(programmeId: $programmeId, userId: $userId)
  }
`),h={additionalTypenames:[`StateProgramme`,`StateOfficer`]};function g(){let{t:n}=e(),[{data:i,error:g},_]=t({query:f,context:h}),[,v]=r(p),[,y]=r(m);if(g)return(0,d.jsx)(a,{error:g});if(!i)return(0,d.jsx)(`p`,{className:`kern-body`,children:n(`app.loading`)});let b=()=>_({requestPolicy:`network-only`}),x=i.stateOfficers.filter(e=>!e.programme);return(0,d.jsxs)(`div`,{className:`ww-stack`,children:[(0,d.jsx)(`h1`,{className:`kern-heading-large`,children:n(`statePrograms.title`)}),(0,d.jsx)(`p`,{className:`kern-body`,children:n(`statePrograms.intro`)}),(0,d.jsx)(s,{caption:n(`statePrograms.list`),captionVisible:!0,rows:i.stateProgrammes,rowKey:e=>e.id,columns:[{header:n(`statePrograms.name`),rowHeader:!0,cell:e=>e.name},{header:n(`statePrograms.cities`),cell:e=>e.cities.join(`, `)},{header:n(`statePrograms.officers`),cell:e=>i.stateOfficers.filter(t=>t.programme===e.name).map(e=>e.name).join(`, `)||`–`}]}),(0,d.jsx)(o,{legend:n(`statePrograms.create`),submit:n(`statePrograms.createButton`),reset:!0,run:async(e,t)=>{let n=await v({name:e.name??``,citySlugs:t.getAll(`cities`).map(String)},h);return n.error||b(),n},children:e=>(0,d.jsxs)(d.Fragment,{children:[(0,d.jsx)(c,{field:`name`,error:e,label:n(`statePrograms.name`),name:`name`,required:!0}),(0,d.jsx)(l,{field:`cities`,error:e,legend:n(`statePrograms.cities`),name:`cities`,options:i.tenants.nodes.map(e=>({value:e.slug,label:e.name}))})]})}),i.stateProgrammes.length>0&&(0,d.jsx)(o,{legend:n(`statePrograms.assign`),submit:n(`statePrograms.assignButton`),run:async e=>{let t=await y({programmeId:e.programme??``,userId:e.officer??``},h);return t.error||b(),t},children:e=>x.length===0?(0,d.jsx)(`p`,{className:`kern-body`,children:n(`statePrograms.noFreeOfficer`)}):(0,d.jsxs)(d.Fragment,{children:[(0,d.jsx)(u,{field:`userId`,error:e,label:n(`statePrograms.officer`),name:`officer`,options:x.map(e=>({value:e.id,label:e.name}))}),(0,d.jsx)(u,{field:`programmeId`,error:e,label:n(`statePrograms.programme`),name:`programme`,options:i.stateProgrammes.map(e=>({value:e.id,label:e.name}))})]})})]})}export{g as default};